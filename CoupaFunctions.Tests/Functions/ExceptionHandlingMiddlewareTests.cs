using CoupaFunctions.Middleware;
using CoupaIntegration.Common;
using Microsoft.AspNetCore.Http;

namespace CoupaFunctions.Tests.Functions;

public sealed class ExceptionHandlingMiddlewareTests
{
    [Fact]
    public async Task UnexpectedException_Becomes500Json_WithoutItsMessageOrStack()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        await ExceptionHandlingMiddleware.WriteAsync(http, new InvalidOperationException("connection string Password=hunter2"), "inv-42");

        Assert.Equal(500, http.Response.StatusCode);
        Assert.StartsWith("application/json", http.Response.ContentType);
        var body = ImportFunctionsTests.Json(http.Response);
        var text = body.ToJsonString();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain(" at ", text);
        Assert.Contains("inv-42", body["error"]!.GetValue<string>());
        Assert.Equal("error", body["messages"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TransientIntegrationException_Becomes503_WithItsMessage()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        await ExceptionHandlingMiddleware.WriteAsync(http, new IntegrationException(FailureKind.Transient, "Key Vault is unavailable; try again later."), "inv-1");

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("Key Vault is unavailable; try again later.", ImportFunctionsTests.Json(http.Response)["error"]!.GetValue<string>());
    }
}

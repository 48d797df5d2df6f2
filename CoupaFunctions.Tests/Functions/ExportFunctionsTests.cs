using System.Reflection;
using System.Text;
using CoupaFunctions.Functions;
using CoupaFunctions.Tests.Exports;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoupaFunctions.Tests.Functions;

/// <summary>The export functions invoked as the host would: synchronous answers, function-key routes.</summary>
public sealed class ExportFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(typeof(ExportInvoiceFunction), "export/invoice")]
    [InlineData(typeof(DuplicateCheckFunction), "export/duplicate-check")]
    public void Functions_AreAuthorizedPosts_AtTheServeRoutes(Type type, string route)
    {
        var trigger = type.GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(t => t is not null)!;
        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal(["post"], trigger.Methods ?? []);
        Assert.Equal(route, trigger.Route);
    }

    [Fact]
    public async Task ExportFunction_ExportsSynchronously_AndAnswers200WithOperations()
    {
        await using var scenario = await ExportScenario.StartAsync();
        await using var services = TestServices.Create();
        var function = new ExportInvoiceFunction(services.Get<ExportWebhookHandler>());
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(scenario.Invoice().ToJsonString()));

        var response = await ImportFunctionsTests.ExecuteAsync(await function.ExportInvoice(context.Request, Ct));

        Assert.Equal(200, response.StatusCode);
        var invoice = Assert.Single(scenario.Harness.Sandbox.Data.Invoices());
        var body = ImportFunctionsTests.Json(response).AsObject();
        Assert.Equal(invoice.Id.ToString(), scenario.Written(body, "coupa_invoice_id"));
    }
}

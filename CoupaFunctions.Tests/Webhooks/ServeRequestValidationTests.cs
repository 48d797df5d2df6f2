using System.Net;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Webhooks;

/// <summary>What the endpoints refuse, and how: 401 for signatures, 400/404 naming the field, never a 500, nothing written.</summary>
public sealed class ServeRequestValidationTests
{
    private static void AssertNothingHappened(WebhookHarness harness)
    {
        Assert.Empty(harness.Rossum.Requests.Snapshot());
        Assert.Empty(harness.Sandbox.Server.Requests.Snapshot());
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("accepted as run", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=abc")]
    public async Task MissingOrWrongSignature_IsUnauthorized_AndNothingIsWritten(string signature)
    {
        await using var harness = await WebhookHarness.StartAsync();
        var body = harness.Payload(harness.Settings()).ToJsonString();

        var answer = await harness.PostAsync("api/import/suppliers", body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("X-Rossum-Signature-SHA256", answer.Json["error"]!.GetValue<string>());
        Assert.Null(answer.Location);
        AssertNothingHappened(harness);
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task SignatureOfAnotherSecretOrAnotherBody_IsUnauthorized()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var body = harness.Payload(harness.Settings()).ToJsonString();

        var otherSecret = await harness.PostAsync("api/coupa/v1/import", body, WebhookHarness.Sign(body, "not-the-hook-secret"));
        var otherBody = await harness.PostAsync("api/coupa/v1/import", body, WebhookHarness.Sign(body + " "));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (otherSecret.Status, otherBody.Status));
        AssertNothingHappened(harness);
    }

    [Theory]
    [InlineData("{\"event\": \"invocation\", ", "$")]
    [InlineData("[1, 2]", "$")]
    [InlineData("", "$")]
    public async Task MalformedJson_IsABadRequestNamingTheDocument(string body, string path)
    {
        await using var harness = await WebhookHarness.StartAsync();

        var answer = await harness.PostAsync("api/import/suppliers", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Json["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == path);
        Assert.DoesNotContain("   at ", answer.Text);
        AssertNothingHappened(harness);
    }

    [Fact]
    public async Task WrongTypes_AreABadRequestNamingEveryField()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var payload = harness.Payload(harness.Settings(new JsonObject { ["records_per_request"] = "x" }));
        var settingsOnly = await harness.PostAsync("api/import/suppliers", payload);
        payload["base_url"] = 5;

        var answer = await harness.PostAsync("api/import/suppliers", payload);

        Assert.Equal(HttpStatusCode.BadRequest, settingsOnly.Status);
        Assert.Contains(settingsOnly.Json["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.settings.import_config.records_per_request");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Json["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.base_url");
        AssertNothingHappened(harness);
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task WrongEventOrMissingSettings_IsABadRequest_NotAServerError()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var wrongEvent = harness.Payload(harness.Settings());
        wrongEvent["event"] = "annotation_content";
        var noSettings = harness.Payload(harness.Settings());
        noSettings.Remove("settings");
        var settingsNotAnObject = harness.Payload(harness.Settings());
        settingsNotAnObject["settings"] = "suppliers";

        foreach (var payload in new[] { wrongEvent, noSettings, settingsNotAnObject })
        {
            var answer = await harness.PostAsync("api/coupa/v1/import", payload);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
            Assert.NotEmpty(answer.Json["errors"]!.AsArray());
        }
        AssertNothingHappened(harness);
    }

    [Fact]
    public async Task CallWithoutARossumToken_IsRefusedUpFront_NamingTheTokenOwner()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var body = harness.Payload(harness.Settings(), token: null).ToJsonString();

        var answer = await harness.PostAsync("api/import/suppliers", body);

        Assert.Equal((HttpStatusCode)422, answer.Status);
        Assert.Contains("token owner", answer.Json["error"]!.GetValue<string>());
        AssertNothingHappened(harness);
    }

    [Fact]
    public async Task UnknownImportType_IsNotFound_NamingTheKnownTypes()
    {
        await using var harness = await WebhookHarness.StartAsync();

        var answer = await harness.PostAsync("api/import/widgets", harness.Payload(harness.Settings()));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("'widgets'", answer.Json["error"]!.GetValue<string>());
        Assert.Contains("purchase_orders", answer.Json["error"]!.GetValue<string>());
        AssertNothingHappened(harness);
    }

    [Fact]
    public async Task UnknownEndpointOnTheGenericUrl_IsABadRequestNamingIt()
    {
        await using var harness = await WebhookHarness.StartAsync();

        var answer = await harness.PostAsync("api/coupa/v1/import", harness.Payload(harness.Settings(new JsonObject { ["endpoint"] = "api/widgets" })));

        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, answer.ToString());
        Assert.Contains("endpoint", answer.Text);
        AssertNothingHappened(harness);
    }
}

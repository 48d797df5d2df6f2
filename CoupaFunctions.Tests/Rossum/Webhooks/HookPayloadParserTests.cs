using System.Text;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks;

namespace CoupaFunctions.Tests.Rossum.Webhooks;

public sealed class HookPayloadParserTests
{
    private const string Token = "1024873d424a007d8eebff7b3684d283abdf7d0d";
    private const string ClientSecret = "s3cr3t-coupa-client";

    /// <summary>The scheduled payload of Rossum's API reference, with a Coupa import hook's settings and secrets.</summary>
    private const string Scheduled = $$$"""
        {"request_id":"ae7bc8dd-73bd-489b-a3d2-f5514b209591","timestamp":"2020-01-01T00:00:00.000000Z",
         "base_url":"https://example.rossum.app","rossum_authorization_token":"{{{Token}}}",
         "hook":"https://example.rossum.app/api/v1/hooks/789",
         "settings":{"credentials":{"client_id":"cid","base_api_url":"https://acme.coupacloud.com/"},
                     "import_config":{"endpoint":"api/suppliers","dataset_name":"suppliers"}},
         "secrets":{"client_secret":"{{{ClientSecret}}}"},
         "action":"scheduled","event":"invocation"}
        """;

    private static string Manual(string extra) => Scheduled.Replace("\"action\":\"scheduled\"", "\"action\":\"manual\"," + extra);

    private static HookPayloadException BadRequest(string json)
    {
        var error = Assert.Throws<HookPayloadException>(() => HookPayloadParser.Parse(json));
        Assert.Equal(FailureKind.BadRequest, error.Kind);
        return error;
    }

    [Fact]
    public void ScheduledInvocation_ReadsEveryCommonAttribute()
    {
        var payload = Assert.IsType<InvocationPayload>(HookPayloadParser.Parse(Scheduled));

        Assert.Equal(InvocationAction.Scheduled, payload.Invocation);
        Assert.Equal("invocation.scheduled", payload.Name);
        Assert.Equal("ae7bc8dd-73bd-489b-a3d2-f5514b209591", payload.RequestId);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), payload.Timestamp);
        Assert.Equal(new Uri("https://example.rossum.app/api/v1/hooks/789"), payload.Hook);
        Assert.Equal(new Uri("https://example.rossum.app"), payload.BaseUrl);
        Assert.Equal(Token, payload.RossumAuthorizationToken!.Reveal());
        Assert.Equal(ClientSecret, payload.GetSecret("client_secret")!.Reveal());
        Assert.Empty(payload.Extra);
        // Settings stay JSON and feed the import settings parser unchanged.
        var settings = ImportSettingsParser.Parse(payload.Settings, "$.settings");
        Assert.Equal("api/suppliers", settings.ImportConfig.Endpoint);
    }

    [Fact]
    public void ManualInvocation_KeepsTheInvokeBodysKeysInExtra()
    {
        var payload = HookPayloadParser.ParseInvocation(Encoding.UTF8.GetBytes(Manual("\"SAP_ID\":\"1234\",\"DB_COLUMN\":\"SAP\",\"limit\":5")));

        Assert.Equal(InvocationAction.Manual, payload.Invocation);
        Assert.Equal(["DB_COLUMN", "SAP_ID", "limit"], payload.Extra.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1234", payload.Extra["SAP_ID"].GetString());
        Assert.Equal(5, payload.Extra["limit"].GetInt32());
    }

    [Fact]
    public void ScheduleSpelledAsInRossumsGeneratePayloadExample_IsScheduled() =>
        Assert.Equal(InvocationAction.Scheduled, HookPayloadParser.ParseInvocation(Encoding.UTF8.GetBytes(Scheduled.Replace("\"scheduled\"", "\"schedule\""))).Invocation);

    [Fact]
    public void OptionalAttributes_MayBeAbsent_AsInAHandMadeTestCall()
    {
        var payload = HookPayloadParser.ParseInvocation(Encoding.UTF8.GetBytes("""{"event":"invocation","action":"manual","base_url":"https://example.rossum.app"}"""));

        Assert.Null(payload.RossumAuthorizationToken);
        Assert.Null(payload.Timestamp);
        Assert.Empty(payload.Secrets);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, payload.Settings.ValueKind);
    }

    [Fact]
    public void PrintingAPayload_ShowsNoSecretAndNoToken()
    {
        var text = HookPayloadParser.Parse(Scheduled).ToString();

        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(ClientSecret, text);
    }

    [Theory]
    [InlineData("{\"event\":")]
    [InlineData("{\"event\":\"invocation\",}")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void MalformedJson_IsABadRequestAtTheRoot(string json) =>
        Assert.Contains("$ is not valid JSON", BadRequest(json).Message);

    [Fact]
    public void MalformedJson_NeverQuotesTheBody_WhichMayHoldSecrets()
    {
        var message = BadRequest($$$"""{"secrets":{"client_secret":{{{ClientSecret}}}}}""").Message;
        Assert.DoesNotContain(ClientSecret, message);
        Assert.DoesNotContain("s3cr", message);
    }

    [Fact]
    public void ANonObjectBody_IsABadRequest() =>
        Assert.Contains("$ must be a JSON object (got a list)", BadRequest("[1,2]").Message);

    [Theory]
    [InlineData("\"base_url\":\"https://example.rossum.app\"", "\"base_url\":42", "$.base_url must be a string (got a number)")]
    [InlineData("\"base_url\":\"https://example.rossum.app\"", "\"base_url\":\"example.rossum.app\"", "$.base_url must be an absolute http(s) URL")]
    [InlineData("\"base_url\":\"https://example.rossum.app\",", "", "$.base_url is required")]
    [InlineData("\"timestamp\":\"2020-01-01T00:00:00.000000Z\"", "\"timestamp\":\"yesterday\"", "$.timestamp must be an ISO-8601 timestamp")]
    [InlineData("\"hook\":\"https://example.rossum.app/api/v1/hooks/789\"", "\"hook\":[]", "$.hook must be a string (got a list)")]
    [InlineData("\"request_id\":\"ae7bc8dd-73bd-489b-a3d2-f5514b209591\"", "\"request_id\":true", "$.request_id must be a string (got a boolean)")]
    [InlineData("\"action\":\"scheduled\"", "\"action\":\"sometimes\"", "$.action must be \"scheduled\" or \"manual\" for event \"invocation\" (got \"sometimes\")")]
    [InlineData("\"event\":\"invocation\"", "\"event\":\"upload\"", "$.event must be \"invocation\" or \"annotation_content\" (got \"upload\")")]
    [InlineData(",\"event\":\"invocation\"", "", "$.event is required")]
    public void AWrongTypeOrValue_IsABadRequestNamingTheFieldByItsJsonPath(string original, string replacement, string expected)
    {
        Assert.Contains(original, Scheduled);
        Assert.Contains(expected, BadRequest(Scheduled.Replace(original, replacement)).Message);
    }

    [Fact]
    public void SecretsOfTheWrongType_AreNamedByKey_NeverShown()
    {
        var error = BadRequest(Scheduled
            .Replace($"\"client_secret\":\"{ClientSecret}\"", "\"client_secret\":73310042,\"ok\":\"fine\"")
            .Replace($"\"rossum_authorization_token\":\"{Token}\"", "\"rossum_authorization_token\":{\"value\":\"tok-998877\"}"));

        Assert.Contains("$.secrets.client_secret must be a string (got a number)", error.Message);
        Assert.Contains("$.rossum_authorization_token must be a string (got an object)", error.Message);
        Assert.DoesNotContain("73310042", error.Message);
        Assert.DoesNotContain("tok-998877", error.Message);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var error = BadRequest("""{"event":"invocation","action":"manual","base_url":1,"settings":"x","secrets":[]}""");

        Assert.Equal(["$.base_url", "$.secrets", "$.settings"], error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.StartsWith("Invalid Rossum hook payload (3 problems): ", error.Message);
    }

    [Fact]
    public void AnnotationContentEvents_AreRefusedByInvocationEndpoints() =>
        Assert.Contains("$.event must be \"invocation\" at this endpoint",
            Assert.Throws<HookPayloadException>(() => HookPayloadParser.ParseInvocation(System.Text.Encoding.UTF8.GetBytes(
                "{\"event\":\"annotation_content\",\"action\":\"export\",\"base_url\":\"https://x.rossum.app\",\"annotation\":{\"id\":1,\"content\":[]}}"))).Message);
}

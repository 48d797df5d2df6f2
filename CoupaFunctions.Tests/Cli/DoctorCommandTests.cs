using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;
using CoupaSandbox;

namespace CoupaFunctions.Tests.Cli;

/// <summary>
/// `coupa doctor` as a person runs it: a real process against a sandbox whose OAuth clients have their own scopes and
/// grant types, its exit code and what it prints — never a secret or an access token.
/// </summary>
public sealed partial class DoctorCommandTests
{
    private const string FullSecret = "full-Secret-4711";
    private const string NoContractsSecret = "no-contracts-Secret-0815";
    private const string AuthCodeSecret = "auth-code-Secret-2207";

    private static readonly string[] AllButContracts =
        ["core.accounting.read", "core.common.read", "core.invoice.create", "core.invoice.read", "core.invoice.write", "core.legal_entity.read", "core.purchase_order.read", "core.supplier.read"];

    private sealed record Run(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;

        public JsonObject Json => JsonNode.Parse(Output)!.AsObject();

        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    private static Task<Sandbox> SandboxAsync() => Sandbox.StartAsync(o => o.Clients =
    [
        new SandboxClient("full", FullSecret, [.. AllButContracts, "core.contract.read"]),
        new SandboxClient("no-contracts", NoContractsSecret, AllButContracts),
        new SandboxClient("auth-code", AuthCodeSecret, [.. AllButContracts, "core.contract.read"]) { GrantTypes = ["authorization_code"] },
    ]);

    private static async Task<Run> DoctorAsync(string? secretVariable, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "coupa.dll"));
        start.ArgumentList.Add("doctor");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("COUPA_CLIENT_SECRET");
        if (secretVariable is not null) start.Environment["COUPA_CLIENT_SECRET"] = secretVariable;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Run(process.ExitCode, await output, await error);
    }

    private static string[] Target(Sandbox sandbox, string clientId) => ["--coupa-url", sandbox.Server.BaseUrl.ToString(), "--client-id", clientId];

    private static void AssertNothingSecret(Run run, Sandbox? sandbox, params string[] secrets)
    {
        foreach (var secret in secrets.Concat(sandbox?.Server.IssuedTokens() ?? []))
            Assert.DoesNotContain(secret, run.All, StringComparison.Ordinal);
    }

    /// <summary>The status cell of each row of the scope table, by type (export has three rows, one per scope).</summary>
    private static List<(string Type, string Scope, string Status)> Rows(string output) =>
        [.. RowPattern().Matches(output).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];

    [GeneratedRegex(@"^│ (\w+)\s+│ (core\.[a-z_.]+)\s+│ ([a-z ]+?)\s+│", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    [Fact]
    public async Task Doctor_WithEveryScopeGranted_ExitsZeroAndEveryRowIsOk()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync(FullSecret, Target(sandbox, "full"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Rows(run.Output);
        Assert.Equal(ImportCatalog.Default.Entries.Select(e => e.Type).Append("export").Order(), rows.Select(r => r.Type).Distinct().Order());
        Assert.All(rows, r => Assert.Equal("ok", r.Status));
        Assert.Contains("Ready", run.Output);
        Assert.DoesNotContain("Scopes to add", run.Output);
        // Each readable endpoint was read once, cheaply, with a token of its scope alone.
        var contracts = Assert.Single(sandbox.ApiRequests("contracts"));
        Assert.Equal("1", contracts.Query["limit"]);
        Assert.Equal("""["id"]""", contracts.Query["fields"]);
        AssertNothingSecret(run, sandbox, FullSecret);
    }

    [Fact]
    public async Task Doctor_ClientMissingOneScope_ExitsTwo_MarksThatRow_AndListsExactlyThatScope()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync(null, [.. Target(sandbox, "no-contracts"), "--client-secret", NoContractsSecret]);

        Assert.Equal(2, run.ExitCode);
        var rows = Rows(run.Output);
        var missing = Assert.Single(rows, r => r.Status != "ok");
        Assert.Equal(("contracts", "core.contract.read", "missing"), missing);
        Assert.Equal("core.contract.read", ScopesToAdd().Match(run.Output).Groups[1].Value.Trim());
        Assert.Contains("coupa: scopes to add to the Coupa client: core.contract.read", run.Error);
        Assert.Empty(sandbox.ApiRequests("contracts"));
        AssertNothingSecret(run, sandbox, NoContractsSecret);
    }

    [GeneratedRegex(@"^Scopes to add to the Coupa client: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ScopesToAdd();

    [Fact]
    public async Task Doctor_AsJson_ListsTheScopesToAdd()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync(NoContractsSecret, [.. Target(sandbox, "no-contracts"), "--types", "contracts,suppliers,export", "--json"]);

        Assert.Equal(2, run.ExitCode);
        var json = run.Json;
        Assert.Equal(["core.contract.read"], json["scopes_to_add"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("needs_fixing", (string?)json["outcome"]);
        var contracts = json["scopes"]!.AsArray().Single(s => (string?)s!["type"] == "contracts")!;
        Assert.Equal("missing", (string?)contracts["status"]);
        Assert.Contains("invalid_scope", (string?)contracts["detail"]);
        AssertNothingSecret(run, sandbox, NoContractsSecret);
    }

    [Fact]
    public async Task Doctor_SecretWithWhitespace_SaysToRemoveIt_AndStillChecksTheScopes()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync($"  {FullSecret}\n", [.. Target(sandbox, "full"), "--types", "suppliers", "--json"]);

        Assert.Equal(2, run.ExitCode);
        var client = run.Json["checks"]!.AsArray().Single(c => (string?)c!["name"] == "client")!;
        Assert.Equal("failed", (string?)client["status"]);
        var detail = (string)client["detail"]!;
        Assert.Contains("whitespace at its start or end", detail);
        Assert.Contains("COUPA_CLIENT_SECRET", detail);
        Assert.Contains("remove the whitespace", detail);
        Assert.Equal("ok", (string?)run.Json["scopes"]![0]!["status"]);
        Assert.Contains("remove the whitespace", run.Error);
        AssertNothingSecret(run, sandbox, FullSecret);
    }

    [Fact]
    public async Task Doctor_WrongSecretWithWhitespace_SaysTheCredentialsAreWrongToo()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync(null, [.. Target(sandbox, "full"), "--client-secret", "wrong-Secret-1234 ", "--types", "suppliers"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("client id or secret is wrong", run.Error);
        Assert.Contains("remove the whitespace too", run.Error);
        Assert.Contains("not checked", run.Output);
        AssertNothingSecret(run, sandbox, "wrong-Secret-1234");
    }

    [Fact]
    public async Task Doctor_WrongHostWithNothingListening_SaysItIsNotReachable()
    {
        var url = $"http://127.0.0.1:{NotCoupaSite.FreePort()}/";

        var run = await DoctorAsync(FullSecret, "--coupa-url", url, "--client-id", "full", "--types", "suppliers");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Not a Coupa instance, or not reachable", run.Error);
        Assert.Contains("connection refused", run.Error);
        Assert.Contains("Check the Coupa URL", run.Error);
        Assert.DoesNotContain("   at ", run.All);
        AssertNothingSecret(run, null, FullSecret);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "404 with an HTML page")]
    [InlineData(HttpStatusCode.OK, "200 with an HTML page")]
    public async Task Doctor_WrongHostAnsweringHtml_SaysItIsNotACoupaInstance(HttpStatusCode status, string expected)
    {
        await using var site = await NotCoupaSite.StartAsync(status);

        var run = await DoctorAsync(FullSecret, "--coupa-url", site.BaseUrl.ToString(), "--client-id", "full", "--types", "suppliers,contracts");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Not a Coupa instance", run.Error);
        Assert.Contains(expected, run.Error);
        Assert.All(Rows(run.Output), r => Assert.Equal("not checked", r.Status));
        Assert.Equal(1, site.Requests); // one token request; nothing more is sent to a host that is not Coupa
        AssertNothingSecret(run, null, FullSecret);
    }

    [Fact]
    public async Task Doctor_ClientWithoutTheClientCredentialsGrant_SaysToSetTheGrantType()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync(AuthCodeSecret, [.. Target(sandbox, "auth-code"), "--types", "suppliers"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unauthorized_client", run.Error);
        Assert.Contains("set the client's grant type to Client credentials", run.Error);
        AssertNothingSecret(run, sandbox, AuthCodeSecret);
    }

    [Fact]
    public async Task Doctor_WithTypes_ChecksOnlyThoseTypes()
    {
        await using var sandbox = await SandboxAsync();

        var run = await DoctorAsync(FullSecret, [.. Target(sandbox, "full"), "--types", "purchase-orders, export", "--allow-host", "127.0.0.1"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [("purchase_orders", "core.purchase_order.read", "ok"), ("export", "core.invoice.create", "ok"), ("export", "core.invoice.read", "ok"), ("export", "core.invoice.write", "ok")],
            Rows(run.Output));
        var read = sandbox.Server.Requests.Snapshot().Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).Select(r => r.Path).Order();
        Assert.Equal(["/api/invoices", "/api/purchase_orders"], read);
        Assert.DoesNotContain("warning", run.Output); // the loopback host was allowed with --allow-host
        AssertNothingSecret(run, sandbox, FullSecret);
    }

    [Fact]
    public async Task Doctor_WithAnUnknownType_ExitsTwoNamingTheKnownTypes()
    {
        var run = await DoctorAsync(FullSecret, "--coupa-url", "https://acme.coupahost.com/", "--client-id", "full", "--types", "suppliers,vendors");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown type 'vendors'", run.Error);
        Assert.Contains("purchase_orders", run.Error);
        Assert.Contains("export", run.Error);
    }

    [Fact]
    public async Task Doctor_WithoutAnySecret_ExitsTwoNamingWhereToPutIt()
    {
        var run = await DoctorAsync(null, "--coupa-url", "https://acme.coupahost.com/", "--client-id", "full");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--client-secret", run.Error);
        Assert.Contains("COUPA_CLIENT_SECRET", run.Error);
        Assert.Contains("--key-vault-uri", run.Error);
    }
}

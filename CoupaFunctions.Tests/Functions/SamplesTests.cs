using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CoupaFunctions.Functions;
using CoupaFunctions.Durable;
using CoupaFunctions.Http;
using CoupaFunctions.Tests.Durable;
using CoupaFunctions.Tests.Exports;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Tests.Functions;

/// <summary>
/// The portal sample bodies stay valid calls of the functions they are named after (file = route with '/' → '-'):
/// every POST function has one, every import body starts a run, and the export bodies, once their placeholders
/// are filled with sandbox values, export an invoice and find it again as a duplicate.
/// </summary>
public sealed class SamplesTests
{
    private static readonly string SamplesDirectory = Path.Combine(RepositoryRoot(), "samples");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Samples_OnePerPostFunction()
    {
        var expected = PostFunctions().Select(f => SampleFileFor(f.Route)).Order();
        Assert.Equal(expected, Directory.GetFiles(SamplesDirectory, "*.json").Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task ImportSamples_AreAcceptedByTheirFunctions()
    {
        await using var services = TestServices.Create();
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var functions = new ImportFunctions(services.Get<ImportWebhookHandler>(), new DurableLaunchers(Options.Create(new DurableOptions())),
            Options.Create(new StatusLinkOptions()));

        var imports = PostFunctions().Where(f => f.Method.DeclaringType == typeof(ImportFunctions)).ToList();
        Assert.Equal(19, imports.Count);
        foreach (var (method, route) in imports)
        {
            var body = await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, SampleFileFor(route)), Ct);
            var result = await (Task<IActionResult>)method.Invoke(functions, [Request(route, body), host.Client, Ct])!;
            var response = await ImportFunctionsTests.ExecuteAsync(result);
            Assert.True(response.StatusCode == 202, $"{SampleFileFor(route)}: {response.StatusCode} {ImportFunctionsTests.Json(response).ToJsonString()}");
            Assert.NotEmpty(response.Headers.Location.ToString());
        }
    }

    [Fact]
    public async Task ExportSamples_FilledIn_ExportAnInvoice_ThenReportItAsDuplicate()
    {
        await using var harness = await WebhookHarness.StartAsync();
        await using var services = TestServices.Create();
        var handler = services.Get<ExportWebhookHandler>();
        var document = harness.Rossum.Documents.Add(ExportScenario.Pdf, fileName: "INV-SAMPLE-0001.pdf");

        var exported = await ImportFunctionsTests.ExecuteAsync(
            await new ExportInvoiceFunction(handler).ExportInvoice(Request("export/invoice", await FilledInAsync("export-invoice.json", harness, document.Id)), Ct));

        Assert.Equal(200, exported.StatusCode);
        var answer = ImportFunctionsTests.Json(exported).AsObject();
        Assert.DoesNotContain(answer["messages"]!.AsArray(), m => (string?)m!["type"] == "error");
        var invoice = Assert.Single(harness.Sandbox.Data.Invoices());
        Assert.Equal("INV-SAMPLE-0001", invoice.InvoiceNumber);

        var checkedAgain = await ImportFunctionsTests.ExecuteAsync(
            await new DuplicateCheckFunction(handler).DuplicateCheck(Request("export/duplicate-check", await FilledInAsync("export-duplicate-check.json", harness, document.Id)), Ct));

        Assert.Equal(200, checkedAgain.StatusCode);
        var warnings = ImportFunctionsTests.Json(checkedAgain)["messages"]!.AsArray().Where(m => (string?)m!["type"] == "warning").ToList();
        Assert.Contains(warnings, m => ((string)m!["content"]!).Contains("INV-SAMPLE-0001", StringComparison.Ordinal));
    }

    /// <summary>The sample with its placeholders replaced as a user would: their Coupa, Rossum, ids and secrets.</summary>
    private static async Task<string> FilledInAsync(string file, WebhookHarness harness, long documentId)
    {
        var references = harness.Sandbox.Data.ValidInvoiceReferences();
        var rossum = harness.Rossum.BaseUrl.GetLeftPart(UriPartial.Authority);
        var text = new StringBuilder(await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, file), Ct))
            .Replace("https://YOURORG.coupahost.com/", harness.Sandbox.Server.BaseUrl.ToString())
            .Replace("https://YOURORG.rossum.app", rossum)
            .Replace("YOUR_HOOK_ID", "4242")
            .Replace("YOUR_DOCUMENT_ID", documentId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("YOUR_CLIENT_ID", harness.Sandbox.Client.ClientId)
            .Replace("YOUR_COUPA_CLIENT_SECRET", harness.Sandbox.Client.ClientSecret)
            .Replace("YOUR_ROSSUM_API_TOKEN", harness.RossumToken)
            .Replace("YOUR_SUPPLIER_ID", references.SupplierId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("YOUR_CHART_OF_ACCOUNTS_ID", references.AccountTypeId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("YOUR_CURRENCY_CODE", references.CurrencyCode)
            .Replace("YOUR_UOM_CODE", references.QuantityLineUomCode ?? "EA")
            .Replace("YOUR_PO_NUMBER", references.PoNumber)
            .Replace("YOUR_PO_QUANTITY_LINE_NUM", references.QuantityLineNum)
            .Replace("YOUR_PO_AMOUNT_LINE_NUM", references.AmountLineNum)
            .ToString();
        Assert.DoesNotContain("YOUR", text, StringComparison.Ordinal);
        return text;
    }

    private static string SampleFileFor(string route) => route.Replace('/', '-') + ".json";

    /// <summary>Every HTTP POST function of the app, with its route, found the way the host finds them.</summary>
    private static List<(MethodInfo Method, string Route)> PostFunctions() =>
        typeof(ImportFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null)))
            .Where(x => x.Trigger?.Methods?.Contains("post") == true)
            .Select(x => (x.Method, x.Trigger!.Route!))
            .ToList();

    private static HttpRequest Request(string route, string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("coupa-func.example.net");
        context.Request.Path = "/api/" + route;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CoupaFunctions.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (CoupaFunctions.slnx) not found above " + AppContext.BaseDirectory);
    }
}

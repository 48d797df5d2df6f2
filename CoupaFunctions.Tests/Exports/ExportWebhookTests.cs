using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Exports;

/// <summary>The export end to end over loopback HTTP: webhook → sandbox Coupa, original document from the Rossum fake.</summary>
public sealed class ExportWebhookTests
{
    [Fact]
    public async Task Invoice_IsCreatedWithScanAndLink_ThenSubmitted_AndTheAnswerWritesItsIdAndStatus()
    {
        await using var s = await ExportScenario.StartAsync();

        var response = await s.ExportAsync(s.Invoice());

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.Equal(invoice.Id.ToString(), s.Written(response, "coupa_invoice_id"));
        Assert.Equal("201", s.Written(response, "api1_status_code"));
        Assert.Equal("200", s.Written(response, "api4_status_code"));
        Assert.Contains(s.Written(response, "api1_status"), new[] { "pending_approval", "pending_receipt" });
        Assert.DoesNotContain(ExportScenario.Messages(response), m => m.Type is "error" or "warning");
        Assert.NotNull(invoice.ImageScan);
        var link = Assert.Single(invoice.Attachments);
        Assert.Contains($"/document/{4_100_001}", link.ToString());
        s.Harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task CreditNote_StaysDraft()
    {
        await using var s = await ExportScenario.StartAsync(AnnotationPayloads.HeaderLevel);
        var settings = s.Settings(x => x["export_template_name"] = "header-level-taxation");

        var response = await s.ExportAsync(s.Invoice("CN-7001", credit: true, settings: settings));

        Assert.Equal("draft", Assert.Single(s.Harness.Sandbox.Data.Invoices()).Status);
        Assert.Equal("draft", s.Written(response, "api1_status"));
        Assert.Null(s.Written(response, "api4_status_code"));
        Assert.DoesNotContain(ExportScenario.Messages(response), m => m.Type is "error" or "warning");
    }

    [Fact]
    public async Task Retry_ResumesOnlyMissingSteps_AndNeverCreatesASecondInvoice()
    {
        await using var s = await ExportScenario.StartAsync();
        var payload = s.Invoice();
        // The first delivery cannot fetch the document (wrong id): the invoice exists without its scan.
        var first = await s.ExportAsync(s.Invoice(documentId: 999));
        Assert.Contains(ExportScenario.Messages(first), m => m.Type == "warning" && m.Content.Contains("original document"));
        Assert.Null(Assert.Single(s.Harness.Sandbox.Data.Invoices()).ImageScan);

        var second = await s.ExportAsync(payload);
        var third = await s.ExportAsync(payload);

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.NotNull(invoice.ImageScan);
        Assert.Single(invoice.Attachments);
        Assert.Equal(invoice.Id.ToString(), s.Written(second, "coupa_invoice_id"));
        Assert.Equal(invoice.Id.ToString(), s.Written(third, "coupa_invoice_id"));
        Assert.Contains(ExportScenario.Messages(third), m => m.Type == "info" && m.Content.Contains("already existed"));
    }

    [Fact]
    public async Task CreateThatTimedOutAfterCoupaAcceptedIt_EndsWithOneInvoice()
    {
        await using var s = await ExportScenario.StartAsync();
        s.Harness.Sandbox.Server.Options.Faults.DropResponseAfterCommitNext = 1;

        var response = await s.ExportAsync(s.Invoice());

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.Equal(invoice.Id.ToString(), s.Written(response, "coupa_invoice_id"));
        Assert.DoesNotContain(ExportScenario.Messages(response), m => m.Type is "error");
        Assert.NotNull(invoice.ImageScan);
    }

    [Fact]
    public async Task ConcurrentDuplicateDeliveries_CreateExactlyOneInvoice()
    {
        await using var s = await ExportScenario.StartAsync();
        var payload = s.Invoice();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => s.ExportAsync(payload.DeepClone().AsObject())));

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.All(responses, r => Assert.Equal(invoice.Id.ToString(), s.Written(r, "coupa_invoice_id")));
        Assert.Single(invoice.Attachments);
    }

    [Fact]
    public async Task FlatCoupaError_BecomesAnErrorMessage()
    {
        await using var s = await ExportScenario.StartAsync();

        var response = await s.ExportAsync(s.Invoice(values: v => v["sender_export"] = "987654321"));

        var error = Assert.Single(ExportScenario.Messages(response), m => m.Type == "error");
        Assert.Contains("invoice: Supplier", error.Content);
        Assert.Contains("does not exist", error.Content);
        Assert.Empty(s.Harness.Sandbox.Data.Invoices());
    }

    [Fact]
    public async Task NestedCoupaError_BecomesAnErrorMessage()
    {
        await using var s = await ExportScenario.StartAsync();

        // A credit note whose lines are positive: Coupa's nested request/invoice-header shape.
        var payload = s.Invoice("CN-1", values: v =>
        {
            v["document_type"] = "credit_note";
            v["original_document_id"] = "INV-1";
            v["original_date_issue"] = "2026-10-01";
        });
        var response = await s.ExportAsync(payload);

        var error = Assert.Single(ExportScenario.Messages(response), m => m.Type == "error");
        Assert.Contains("invoice_lines: Total must be negative", error.Content);
        Assert.Empty(s.Harness.Sandbox.Data.Invoices());
    }

    [Fact]
    public async Task MissingOriginalDocument_IsAWarning_TheDraftStays()
    {
        await using var s = await ExportScenario.StartAsync();

        var response = await s.ExportAsync(s.Invoice(documentId: 424242));

        var warning = Assert.Single(ExportScenario.Messages(response), m => m.Type == "warning");
        Assert.Contains("original document could not be downloaded", warning.Content);
        Assert.Contains("404", warning.Content);
        Assert.Single(s.Harness.Sandbox.Data.Invoices());
    }

    [Fact]
    public async Task BadTemplate_NamesTheLine()
    {
        await using var s = await ExportScenario.StartAsync();
        var settings = s.Settings(x => x["export_template"] = new JsonArray("{", "  \"invoice-number\": {{ field.document_id_manual | json }},", "  \"supplier\": {{ field.sender_export }}", "  \"x\": 1", "}"));

        var response = await s.ExportAsync(s.Invoice(settings: settings));

        var error = Assert.Single(ExportScenario.Messages(response), m => m.Type == "error");
        Assert.Contains("template line 3", error.Content);
        Assert.Empty(s.Harness.Sandbox.Data.Invoices());
    }

    [Fact]
    public async Task MissingSecret_IsAClearError()
    {
        await using var s = await ExportScenario.StartAsync();

        var response = await s.ExportAsync(s.Invoice(clientSecret: null));

        var error = Assert.Single(ExportScenario.Messages(response), m => m.Type == "error");
        Assert.Contains("No Coupa client secret", error.Content);
        Assert.Contains("secrets.client_secret", error.Content);
    }

    [Fact]
    public async Task BadSignature_Is401()
    {
        await using var s = await ExportScenario.StartAsync();

        var answer = await s.Harness.PostAsync("/api/export/invoice", s.Invoice().ToJsonString(), "sha256=00");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.Status);
        Assert.Empty(s.Harness.Sandbox.Data.Invoices());
    }

    [Fact]
    public async Task DuplicateCheck_WarnsOnlyWhenCoupaHasTheNumber()
    {
        await using var s = await ExportScenario.StartAsync();

        var before = await s.ExportAsync(s.Invoice(action: "initialize"), "/api/export/duplicate-check");
        Assert.Empty(ExportScenario.Messages(before));
        await s.ExportAsync(s.Invoice());
        var after = await s.ExportAsync(s.Invoice(action: "updated"), "/api/export/duplicate-check");

        var warning = Assert.Single(ExportScenario.Messages(after));
        Assert.Equal("warning", warning.Type);
        Assert.Contains("INV-7001 already exists in Coupa", warning.Content);
        Assert.Equal("false", s.Written(before, "is_duplicate"));
        Assert.Equal("true", s.Written(after, "is_duplicate"));
        Assert.Contains(Assert.Single(s.Harness.Sandbox.Data.Invoices()).Status!, s.Written(after, "duplicate_invoice_statuses"));
    }

    [Fact]
    public async Task ServerErrorsAroundCreate_AreRetriedAfterALookUp_EndingWithOneInvoice()
    {
        await using var s = await ExportScenario.StartAsync();
        // The look-up (retried by the pipeline, a GET) and then the create (never retried blindly) both meet a 503.
        s.Harness.Sandbox.Server.Options.Faults.FailNextRequests = 2;

        var response = await s.ExportAsync(s.Invoice());

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.Equal(invoice.Id.ToString(), s.Written(response, "coupa_invoice_id"));
        Assert.DoesNotContain(ExportScenario.Messages(response), m => m.Type is "error" or "warning");
    }

    [Fact]
    public async Task SubmitWhoseAnswerWasLost_IsNotRepeated()
    {
        await using var s = await ExportScenario.StartAsync();
        s.Harness.Sandbox.Server.Options.Faults.DropResponseAfterCommitRoutes = ["PUT /api/invoices/*/submit"];
        s.Harness.Sandbox.Server.Options.Faults.DropResponseAfterCommitNext = 1;

        var response = await s.ExportAsync(s.Invoice());

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.NotEqual("draft", invoice.Status);
        Assert.Equal(invoice.Status, s.Written(response, "api1_status"));
        Assert.DoesNotContain(ExportScenario.Messages(response), m => m.Type is "error" or "warning");
    }

    [Fact]
    public async Task LaterStepFailure_CanBeConfiguredAsAnError()
    {
        await using var s = await ExportScenario.StartAsync();
        var settings = s.Settings(x => x["later_step_message"] = "error");

        var response = await s.ExportAsync(s.Invoice(settings: settings, documentId: 5555));

        Assert.Contains(ExportScenario.Messages(response), m => m.Type == "error" && m.Content.Contains("image scan"));
        Assert.Single(s.Harness.Sandbox.Data.Invoices());
    }

    [Fact]
    public async Task SubmitNever_LeavesAnInvoiceDraft_AndAbsentOutcomeDatapointsAreSkipped()
    {
        await using var s = await ExportScenario.StartAsync();
        var settings = s.Settings(x =>
        {
            x["submit"] = "never";
            x["datapoints"] = new JsonObject { ["invoice_id"] = "no_such_field", ["status"] = null };
        });

        var response = await s.ExportAsync(s.Invoice(settings: settings));

        Assert.Equal("draft", Assert.Single(s.Harness.Sandbox.Data.Invoices()).Status);
        Assert.Null(s.Written(response, "coupa_invoice_id"));
        Assert.Null(s.Written(response, "api1_status"));
        Assert.Equal("201", s.Written(response, "api1_status_code"));
    }

    [Fact]
    public async Task DuplicateCheck_GivesUpWithinItsLimit_WithAWarning()
    {
        await using var s = await ExportScenario.StartAsync(settings: new Dictionary<string, string?> { ["Export:DuplicateCheckTimeoutSeconds"] = "0.5" });
        s.Harness.Sandbox.Server.Options.Faults.LatencyMs = 3000;
        var started = DateTime.UtcNow;

        var response = await s.ExportAsync(s.Invoice(action: "initialize"), "/api/export/duplicate-check");

        var elapsed = DateTime.UtcNow - started;
        Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"took {elapsed}: {response.ToJsonString()}");
        var warning = Assert.Single(ExportScenario.Messages(response));
        Assert.Equal("warning", warning.Type);
        Assert.Contains("Duplicate check against Coupa not possible", warning.Content);
    }

    [Fact]
    public async Task ExportCutShortAfterTheDraft_StillWritesTheId_AndTheNextDeliveryCompletesIt()
    {
        await using var s = await ExportScenario.StartAsync(settings: new Dictionary<string, string?> { ["Export:TimeoutSeconds"] = "2.5" });
        // Every Coupa call takes 0.7 s: find and create fit, the later steps do not.
        s.Harness.Sandbox.Server.Options.Faults.LatencyMs = 700;
        var payload = s.Invoice();

        var first = await s.ExportAsync(payload);

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.Equal(invoice.Id.ToString(), s.Written(first, "coupa_invoice_id"));
        Assert.Contains(ExportScenario.Messages(first), m => m.Type == "warning" && m.Content.Contains("did not finish within 2.5 s"));
        Assert.DoesNotContain(ExportScenario.Messages(first), m => m.Type == "error");

        s.Harness.Sandbox.Server.Options.Faults.LatencyMs = 0;
        var second = await s.ExportAsync(payload);

        invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        Assert.NotEqual("draft", invoice.Status);
        Assert.Single(invoice.Attachments);
        Assert.NotNull(invoice.ImageScan);
        Assert.DoesNotContain(ExportScenario.Messages(second), m => m.Type is "error" or "warning");
    }
}

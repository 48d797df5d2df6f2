using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TestSandbox = CoupaFunctions.Tests.Infrastructure.Sandbox;

// Not ".Sandbox": a namespace of that name would hide the Infrastructure.Sandbox type from every test file.
namespace CoupaFunctions.Tests.SandboxEndpoints;

/// <summary>The sandbox's invoice write API (coupa.md §7) over HTTP: what an exporter meets when it posts drafts, uploads
/// scans and attachments, submits, and retries after a timeout.</summary>
public sealed class InvoiceEndpointsTests
{
    private static readonly Regex Timestamp = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$");

    [Fact]
    public async Task Create_draft_answers_201_with_the_full_hyphenated_invoice()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();

        var (status, body) = await api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-1001"));

        Assert.Equal(HttpStatusCode.Created, status);
        var invoice = body!.AsObject();
        long id = invoice["id"]!.GetValue<long>();
        Assert.True(id > sandbox.Data.Count("invoices") - 1, "a new id after the seeded invoices");
        Assert.Equal("draft", (string?)invoice["status"]);
        Assert.Equal("R-1001", (string?)invoice["invoice-number"]);
        Assert.Equal(refs.SupplierId, invoice["supplier"]!["id"]!.GetValue<long>());
        Assert.Equal(refs.CurrencyCode, (string?)invoice["currency"]!["code"]);
        Assert.Equal(refs.AccountTypeId, invoice["account-type"]!["id"]!.GetValue<long>());
        Assert.Matches(Timestamp, (string?)invoice["created-at"]);
        Assert.Matches(Timestamp, (string?)invoice["updated-at"]);
        Assert.Matches(Timestamp, (string?)invoice["invoice-date"]);
        Assert.Equal("144.50", (string?)invoice["gross-total"]); // 2 × 50.00 + 25.50 + 19.00 tax
        Assert.Equal("19.00", (string?)invoice["tax-amount"]);
        var lines = invoice["invoice-lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.Equal("2.0", (string?)lines[0]!["quantity"]);
        Assert.Equal("100.00", (string?)lines[0]!["total"]);
        Assert.Equal(refs.QuantityLineId, lines[0]!["order-line-id"]!.GetValue<long>());
        Assert.Equal(refs.PoNumber, (string?)lines[1]!["po-number"]);

        var (shown, fetched) = await api.GetAsync($"api/invoices/{id}");
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.True(JsonNode.DeepEquals(invoice, fetched));
        Assert.Equal(1, sandbox.Data.CreatedInvoiceCount);
        Assert.Equal("R-1001", sandbox.Data.Invoices().Single().InvoiceNumber);
    }

    [Fact]
    public async Task Create_honours_fields_and_return_object()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();

        var (status, body) = await api.PostJsonAsync("api/invoices?fields=" + Uri.EscapeDataString("[\"id\",\"status\",{\"supplier\":[\"id\"]}]"), InvoiceBodies.Draft(refs, "R-F1"));
        var (limitedStatus, limited) = await api.PostJsonAsync("api/invoices?return_object=limited", InvoiceBodies.Draft(refs, "R-F2"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(["id", "status", "supplier"], body!.AsObject().Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Created, limitedStatus);
        Assert.Equal(["id"], limited!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Duplicate_number_for_the_same_supplier_is_a_400_in_the_flat_shape()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-DUP"))).Status);

        var again = InvoiceBodies.Draft(refs, "r-dup"); // case-insensitive, and by supplier id instead of number
        again["supplier"] = new JsonObject { ["id"] = refs.SupplierId };
        var (status, body) = await api.PostJsonAsync("api/invoices", again);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"errors":{"invoice":["Invoice # has already been taken"]}}"""), body));
        Assert.Equal(1, sandbox.Data.CreatedInvoiceCount);

        var otherSupplier = InvoiceBodies.Draft(refs, "R-DUP");
        otherSupplier["supplier"] = new JsonObject { ["id"] = refs.SupplierId % sandbox.Data.Count("suppliers") + 1 };
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("api/invoices", otherSupplier)).Status);
    }

    [Fact]
    public async Task Concurrent_posts_of_one_invoice_create_it_once()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-RACE"))));

        Assert.Single(results, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(7, results.Count(r => r.Status == HttpStatusCode.BadRequest));
        Assert.Equal(1, sandbox.Data.CreatedInvoiceCount);
    }

    [Fact]
    public async Task A_line_without_description_is_a_400_in_the_nested_shape()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var body = InvoiceBodies.Draft(sandbox.Data.ValidInvoiceReferences(), "R-DESC");
        body["invoice-lines"]![1]!.AsObject().Remove("description");

        var (status, errors) = await api.PostJsonAsync("api/invoices", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Description can't be blank"], errors!["errors"]!["request"]![0]!["invoice-header.invoice_lines"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task Missing_and_unknown_header_references_are_400_in_the_flat_shape()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var body = InvoiceBodies.Draft(sandbox.Data.ValidInvoiceReferences(), "R-BAD");
        body.Remove("invoice-date");
        body.Remove("account-type");
        body["supplier"] = new JsonObject { ["number"] = "NO-SUCH-SUPPLIER" };
        body["currency"] = new JsonObject { ["code"] = "XXX" };

        var (status, errors) = await api.PostJsonAsync("api/invoices", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var messages = errors!["errors"]!["invoice"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Contains("Invoice Date can't be blank", messages);
        Assert.Contains("Chart of accounts can't be blank", messages);
        Assert.Contains(messages, m => m.StartsWith("Supplier ", StringComparison.Ordinal) && m.EndsWith("does not exist", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Currency ", StringComparison.Ordinal));
        Assert.Equal(0, sandbox.Data.CreatedInvoiceCount);
    }

    [Fact]
    public async Task Credit_note_without_original_invoice_and_positive_total_is_a_400_in_the_nested_shape()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();
        var body = InvoiceBodies.CreditNote(refs, "CN-1");
        body["invoice-lines"]![0]!["price"] = "25.50";

        var (status, errors) = await api.PostJsonAsync("api/invoices", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var request = errors!["errors"]!["request"]!.AsArray().Single()!;
        Assert.Contains("Original Invoice Date can't be blank", request["invoice-header"]!.AsArray().Select(m => (string?)m));
        Assert.Contains("Original Invoice Number can't be blank", request["invoice-header"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["Total must be negative, make price/quantity negative"], request["invoice-header.invoice_lines"]!.AsArray().Select(m => (string?)m));

        var valid = InvoiceBodies.CreditNote(refs, "CN-1");
        valid["original-invoice-number"] = "R-0001";
        valid["original-invoice-date"] = "2023-12-01";
        var (created, note) = await api.PostJsonAsync("api/invoices", valid);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("Credit Note", (string?)note!["document-type"]);
        Assert.Equal("-25.50", (string?)note["gross-total"]);
        Assert.Equal("draft", (string?)note["status"]);
    }

    [Theory]
    [InlineData("InvoiceAmountLine", true)]
    [InlineData("InvoiceQuantityLine", false)]
    public async Task Invoice_line_of_another_type_than_its_po_line_is_a_400(string invoiceLineType, bool billQuantityLine)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();
        var body = InvoiceBodies.Draft(refs, "R-TYPE");
        body["invoice-lines"] = new JsonArray(new JsonObject
        {
            ["type"] = invoiceLineType, ["description"] = "Mismatch", ["price"] = "10.00", ["quantity"] = "1",
            ["order-line-id"] = billQuantityLine ? refs.QuantityLineId : refs.AmountLineId,
        });

        var (status, errors) = await api.PostJsonAsync("api/invoices", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var lineErrors = errors!["errors"]!["request"]![0]!["invoice-header.invoice_lines"]!.AsArray().Select(m => (string?)m);
        Assert.Contains("order line must be the same type as invoice line", lineErrors);
        Assert.Equal(0, sandbox.Data.CreatedInvoiceCount);
    }

    [Fact]
    public async Task Image_scan_upload_sets_the_image_scan_attributes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        long id = await CreateAsync(api, sandbox, "R-SCAN");
        byte[] pdf = "%PDF-1.4 sandbox scan"u8.ToArray();

        var (status, invoice) = await api.PutAsync($"api/invoices/{id}/image_scan", FileForm("file", "scan.pdf", pdf));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("scan.pdf", (string?)invoice!["image-scan-file-name"]);
        Assert.Equal("application/pdf", (string?)invoice["image-scan-content-type"]);
        Assert.Equal(pdf.Length, invoice["image-scan-file-size"]!.GetValue<long>());
        Assert.StartsWith(sandbox.Server.BaseUrl.ToString(), (string?)invoice["image-scan-url"]);
        Assert.Equal(pdf, sandbox.Data.Invoice(id)!.ImageScan!.Content);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsync($"api/invoices/{id}/image_scan", FileForm("other", "scan.pdf", pdf))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync("api/invoices/999999/image_scan", FileForm("file", "scan.pdf", pdf))).Status);
    }

    [Fact]
    public async Task Url_and_file_attachments_are_created_and_listed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        long id = await CreateAsync(api, sandbox, "R-ATT");

        var (status, attachment) = await api.PostJsonAsync($"api/invoices/{id}/attachments",
            new JsonObject { ["type"] = "url", ["url"] = "https://elis.rossum.ai/document/42", ["intent"] = "Internal" });
        var file = FileForm("attachment[file]", "note.txt", "hello"u8.ToArray());
        file.Add(new StringContent("file"), "attachment[type]");
        var (fileStatus, fileAttachment) = await api.SendAsync("POST", $"api/invoices/{id}/attachments", file);
        var (badStatus, bad) = await api.PostJsonAsync($"api/invoices/{id}/attachments", new JsonObject { ["type"] = "url", ["url"] = "ftp://x" });
        var (listStatus, list) = await api.GetAsync($"api/invoices/{id}/attachments");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("url", (string?)attachment!["type"]);
        Assert.Equal("https://elis.rossum.ai/document/42", (string?)attachment["url"]);
        Assert.Equal("Internal", (string?)attachment["intent"]);
        Assert.Matches(Timestamp, (string?)attachment["created-at"]);
        Assert.Equal(HttpStatusCode.Created, fileStatus);
        Assert.Equal("note.txt", (string?)fileAttachment!["file"]);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.NotNull(bad!["errors"]!["attachment"]);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal([attachment["id"]!.GetValue<long>(), fileAttachment["id"]!.GetValue<long>()], list!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal(2, sandbox.Data.Invoice(id)!.Attachments.Count);
    }

    [Fact]
    public async Task Submit_moves_a_draft_on_and_refuses_anything_else()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();
        long id = await CreateAsync(api, sandbox, "R-SUB");
        var credit = InvoiceBodies.CreditNote(refs, "CN-SUB");
        credit["original-invoice-number"] = "R-SUB";
        credit["original-invoice-date"] = "2024-01-15";
        long creditId = (await api.PostJsonAsync("api/invoices", credit)).Body!["id"]!.GetValue<long>();

        var (status, invoice) = await api.PutAsync($"api/invoices/{id}/submit");
        var (creditStatus, submittedCredit) = await api.PutAsync($"api/invoices/{creditId}/submit");
        var (againStatus, again) = await api.PutAsync($"api/invoices/{id}/submit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains((string?)invoice!["status"], new[] { "pending_approval", "pending_receipt" });
        Assert.Equal(HttpStatusCode.OK, creditStatus);
        Assert.Equal("pending_approval", (string?)submittedCredit!["status"]); // no PO line, so no receipt to wait for
        Assert.Equal(HttpStatusCode.BadRequest, againStatus);
        Assert.Contains("only draft invoices can be submitted", (string?)again!["errors"]!["invoice"]![0]);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync("api/invoices/999999/submit")).Status);
    }

    [Fact]
    public async Task Posted_invoices_are_found_by_number_and_supplier_next_to_seeded_ones()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();
        long id = await CreateAsync(api, sandbox, "R-FIND");

        var (status, found) = await api.GetAsync($"api/invoices?invoice_number=R-FIND&supplier_id={refs.SupplierId}");
        var (_, nested) = await api.GetAsync($"api/invoices?invoice-number=R-FIND&supplier[id]={refs.SupplierId}");
        var (_, otherSupplier) = await api.GetAsync($"api/invoices?invoice_number=R-FIND&supplier_id={refs.SupplierId % 200 + 1}");
        var (_, all) = await api.GetAsync("api/invoices?limit=50&offset=50&return_object=limited");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([id], found!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        Assert.Equal([id], nested!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        Assert.Empty(otherSupplier!.AsArray());
        Assert.Contains(id, all!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_create_dropped_after_commit_leaves_exactly_one_invoice_and_the_retry_sees_the_duplicate()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();
        sandbox.Server.Options.Faults.DropResponseAfterCommitNext = 1;

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-DROP")));
        var (retryStatus, retry) = await api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-DROP"));
        var (_, found) = await api.GetAsync($"api/invoices?invoice_number=R-DROP&supplier_id={refs.SupplierId}");

        Assert.Equal(1, sandbox.Data.CreatedInvoiceCount);
        Assert.Single(sandbox.Data.FindInvoices("R-DROP", refs.SupplierId));
        Assert.Equal(HttpStatusCode.BadRequest, retryStatus);
        Assert.Equal("Invoice # has already been taken", (string?)retry!["errors"]!["invoice"]![0]);
        Assert.Single(found!.AsArray());
        Assert.Equal(0, sandbox.Server.Options.Faults.DropResponseAfterCommitNext);
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.Method == "POST" && r.Path == "/api/invoices" && r.Status == 0);
    }

    [Fact]
    public async Task Drop_after_commit_applies_to_the_configured_routes_only()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        long id = await CreateAsync(api, sandbox, "R-DROP-SUBMIT");
        var faults = sandbox.Server.Options.Faults;
        faults.DropResponseAfterCommitRoutes = ["PUT /api/invoices/*/submit"];
        faults.DropResponseAfterCommitNext = 1;

        await CreateAsync(api, sandbox, "R-NOT-DROPPED"); // POST is not a configured route any more
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => api.PutAsync($"api/invoices/{id}/submit"));
        var (_, invoice) = await api.GetAsync($"api/invoices/{id}");

        Assert.NotEqual("draft", (string?)invoice!["status"]); // the submit happened although the client never heard back
        Assert.Equal(2, sandbox.Data.CreatedInvoiceCount);
        Assert.Equal(0, faults.DropResponseAfterCommitNext);
    }

    [Fact]
    public async Task Invoice_writes_go_through_scopes_and_injected_faults()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var readOnly = await SandboxApiClient.ConnectAsync(sandbox, "core.invoice.read");
        await using var api = await SandboxApiClient.ConnectAsync(sandbox);
        var refs = sandbox.Data.ValidInvoiceReferences();

        var (forbidden, _) = await readOnly.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-SCOPE"));
        sandbox.Server.Options.Faults.FailNextRequests = 1;
        var (failed, _) = await api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(refs, "R-SCOPE"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed);
        Assert.Equal(0, sandbox.Data.CreatedInvoiceCount);
    }

    private static async Task<long> CreateAsync(SandboxApiClient api, TestSandbox sandbox, string number)
    {
        var (status, body) = await api.PostJsonAsync("api/invoices", InvoiceBodies.Draft(sandbox.Data.ValidInvoiceReferences(), number));
        Assert.Equal(HttpStatusCode.Created, status);
        return body!["id"]!.GetValue<long>();
    }

    private static MultipartFormDataContent FileForm(string field, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "text/plain");
        return new MultipartFormDataContent { { file, field, fileName } };
    }
}

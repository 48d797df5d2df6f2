using System.Text.Json.Nodes;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Collects validation messages in Coupa's two invoice error shapes (coupa.md §6): header problems in the flat
/// <c>{"errors":{"invoice":[…]}}</c> shape, credit-note and line problems in the nested
/// <c>{"errors":{"request":[{"invoice-header":[…],"invoice-header.invoice_lines":[…]}]}}</c> shape. Both occur in the wild,
/// so the sandbox emits both and clients must read both.</summary>
internal sealed class InvoiceErrors
{
    public const string Header = "invoice-header";
    public const string Lines = "invoice-header.invoice_lines";
    public const string TaxLines = "invoice-header.invoice_lines.tax_lines";

    private readonly List<string> _flat = [];
    private readonly Dictionary<string, List<string>> _nested = new(StringComparer.Ordinal);

    public bool HasFlat => _flat.Count > 0;

    public bool HasNested => _nested.Count > 0;

    public void AddFlat(string message)
    {
        if (!_flat.Contains(message))
            _flat.Add(message);
    }

    public void AddNested(string key, string message)
    {
        if (!_nested.TryGetValue(key, out var list))
            _nested[key] = list = [];
        if (!list.Contains(message))
            list.Add(message);
    }

    public JsonObject FlatJson() => Flat("invoice", [.. _flat]);

    public JsonObject NestedJson()
    {
        var inner = new JsonObject();
        foreach (var (key, messages) in _nested)
            inner[key] = new JsonArray([.. messages.Select(m => (JsonNode?)m)]);
        return new JsonObject { ["errors"] = new JsonObject { ["request"] = new JsonArray(inner) } };
    }

    /// <summary><c>{"errors":{"<resource>":["msg", …]}}</c>, the shape of Coupa's model validation errors.</summary>
    public static JsonObject Flat(string resource, params string[] messages) =>
        new() { ["errors"] = new JsonObject { [resource] = new JsonArray([.. messages.Select(m => (JsonNode?)m)]) } };
}

using CoupaSandbox.Auth;

namespace CoupaSandbox;

/// <summary>Configuration of one simulated Coupa instance. Defaults mimic the published Coupa facts (25 rps, burst 20, 24 h tokens).</summary>
public sealed class SandboxOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 = let the OS pick a free port (read it back from <see cref="SandboxServer.BaseUrl"/>).</summary>
    public int Port { get; set; }

    public int Seed { get; set; } = 42;

    /// <summary>Records per resource, keyed by the URL name ("suppliers", "lookup_values", ...). Missing keys use <see cref="DefaultRecordCounts"/>.
    /// "purchase_order_lines" is derived from the purchase orders (1–5 per PO) unless given here.</summary>
    public Dictionary<string, int> Records { get; set; } = new();

    /// <summary>Small defaults so a sandbox starts instantly; raise them per test for scale runs.</summary>
    public static IReadOnlyDictionary<string, int> DefaultRecordCounts { get; } = new Dictionary<string, int>
    {
        ["suppliers"] = 200,
        ["supplier_information"] = 50,
        ["purchase_orders"] = 150,
        ["accounts"] = 100,
        ["account_types"] = 20,
        ["tax_codes"] = 40,
        ["tax_registrations"] = 60,
        ["payment_terms"] = 20,
        ["uoms"] = 24,
        ["lookup_values"] = 500,
        ["currencies"] = 30,
        ["addresses"] = 50,
        ["contracts"] = 40,
        ["invoices"] = 60,
        ["legal_entities"] = 20,
        ["exchange_rates"] = 100,
    }.AsReadOnly();

    /// <summary>OAuth clients known to the instance. Default: "sandbox-client" / "sandbox-secret" with every scope.</summary>
    public List<SandboxClient> Clients { get; set; } = [new SandboxClient("sandbox-client", "sandbox-secret", Scopes.All)];

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(86399);

    /// <summary>Leak rate of the bucket in requests per second; &lt;= 0 disables rate limiting.</summary>
    public double RateLimitPerSecond { get; set; } = 25;

    public int RateLimitBurst { get; set; } = 20;

    public FaultOptions Faults { get; set; } = new();

    /// <summary>Optional: mutate records while clients are paging, to expose offset-paging and watermark bugs.</summary>
    public ChurnOptions? Churn { get; set; }

    /// <summary>The instance's UTC offset, used when rendering timestamps ("2024-03-05T10:20:30-08:00").</summary>
    public string UtcOffset { get; set; } = "-08:00";
}

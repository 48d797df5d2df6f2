namespace CoupaIntegration.Scheduling;

/// <summary>One scheduled import: what to run, when, and into which Rossum organisation.</summary>
public sealed class ScheduledImportJob
{
    /// <summary>Unique, for logs and run status (e.g. <c>purchase-orders-nightly</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Catalog type (e.g. <c>purchase_orders</c>); none means "from the settings' import_config.endpoint".</summary>
    public string? Type { get; set; }

    /// <summary>Cron in UTC: five fields as in Rossum's hook schedule (<c>*/15 * * * *</c>), or six with seconds first.</summary>
    public string? Cron { get; set; }

    /// <summary>Rossum environment, e.g. https://acme.rossum.app; none writes to the local SQLite hub (Local:DataHub).</summary>
    public string? RossumBaseUrl { get; set; }

    /// <summary>
    /// The Rossum-compatible settings object as JSON (what a hook's <c>settings</c> holds). The Coupa client secret
    /// comes from Key Vault (Secrets:CoupaClientSecretName), the Rossum token from Key Vault (Secrets:RossumApiTokenName).
    /// </summary>
    public string? Settings { get; set; }
}

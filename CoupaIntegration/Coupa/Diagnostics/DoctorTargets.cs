using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;

namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>One scope a type needs, and the endpoint whose cheap read proves it (none for write-only scopes).</summary>
public sealed record DoctorTarget(string Type, string Scope, string? Endpoint);

/// <summary>The scopes each chosen type needs: a catalog entry's scope and endpoint, and the export's invoice scopes.</summary>
public static class DoctorTargets
{
    public const string Export = "export";
    private const string InvoicesEndpoint = "api/invoices";

    public static IReadOnlyList<DoctorTarget> Select(ImportCatalog catalog, IReadOnlyList<string> types)
    {
        var wanted = types.Count == 0 ? [.. catalog.Entries.Select(e => e.Type), Export] : types.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (wanted.Count == 0)
            throw new IntegrationException(FailureKind.BadRequest, $"No type was named. Known types: {string.Join(", ", catalog.Entries.Select(e => e.Type))}, {Export}.");
        var unknown = wanted.Where(t => !IsExport(t) && catalog.Find(t) is null).ToList();
        if (unknown.Count > 0)
            throw new IntegrationException(FailureKind.BadRequest,
                $"Unknown type{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(t => $"'{t}'"))}. Known types: {string.Join(", ", catalog.Entries.Select(e => e.Type))}, {Export}.");

        var targets = new List<DoctorTarget>();
        foreach (var type in wanted)
        {
            if (IsExport(type))
                targets.AddRange(ExportTargets());
            else if (catalog.Find(type) is { } entry)
                targets.Add(new DoctorTarget(entry.Type, entry.Scope, entry.Endpoint));
        }
        return targets.Distinct().ToList();
    }

    /// <summary>
    /// The export asks for all of <see cref="ExportWebhookHandler.InvoiceScopes"/> in one token. Only the read is
    /// tried: a cheap write does not exist, and a doctor must not create invoices.
    /// </summary>
    private static IEnumerable<DoctorTarget> ExportTargets() =>
        ExportWebhookHandler.InvoiceScopes.Select(scope => new DoctorTarget(Export, scope, scope.EndsWith(".read", StringComparison.Ordinal) ? InvoicesEndpoint : null));

    private static bool IsExport(string type) => type.Equals(Export, StringComparison.OrdinalIgnoreCase);
}

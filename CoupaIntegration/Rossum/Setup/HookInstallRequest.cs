using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>What the person installing chose: where things are, which hooks, and the few settings that differ per organisation.</summary>
public sealed record HookInstallRequest
{
    /// <summary>The organisation's Rossum address, e.g. https://acme.rossum.app.</summary>
    public required Uri RossumUrl { get; init; }

    public required Secret RossumToken { get; init; }

    /// <summary>The Function App's root, e.g. https://acme-coupa.azurewebsites.net (or `coupa serve`'s URL).</summary>
    public required Uri FunctionUrl { get; init; }

    /// <summary>Goes into each hook URL as <c>?code=</c>; none for hosts without keys (`coupa serve`).</summary>
    public Secret? FunctionKey { get; init; }

    public required string CoupaUrl { get; init; }

    public required string ClientId { get; init; }

    /// <summary>Written into each hook's <c>secrets</c>; without it the functions fall back to Key Vault.</summary>
    public Secret? ClientSecret { get; init; }

    /// <summary>Import types to install; empty means every catalog type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Dataset name per import type, over <see cref="DatasetPrefix"/> + the catalog's name.</summary>
    public IReadOnlyDictionary<string, string> Datasets { get; init; } = new Dictionary<string, string>();

    public string? DatasetPrefix { get; init; }

    /// <summary>Cron per import type, over the staggered defaults; given ones are kept in line on every install.</summary>
    public IReadOnlyDictionary<string, string> Schedules { get; init; } = new Dictionary<string, string>();

    /// <summary>Queue ids or URLs for the export hooks; null leaves the hooks' queues as they are.</summary>
    public IReadOnlyList<string>? Queues { get; init; }

    public bool IncludeExports { get; init; } = true;

    /// <summary>A user id or URL; default: the token's own user, for new hooks and hooks without one.</summary>
    public string? TokenOwner { get; init; }

    /// <summary>The Function App's <c>Webhooks:SignatureSecret</c>, when the person knows it.</summary>
    public Secret? SignatureSecret { get; init; }

    /// <summary>Key Vault holding <c>webhook-signature-secret</c> (read, or created when missing).</summary>
    public Uri? KeyVaultUri { get; init; }

    public bool RotateSignatureSecret { get; init; }

    /// <summary>Write the catalog's settings and schedule again, undoing edits made in Rossum's UI.</summary>
    public bool ResetSettings { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Every secret of the request, to mask in anything passed on from elsewhere.</summary>
    public SecretRedactor Redactor() => new SecretRedactor().Add(RossumToken).Add(FunctionKey).Add(ClientSecret).Add(SignatureSecret);
}

using System.Collections.Concurrent;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>
/// Checks that a Coupa OAuth client can do what the chosen import types and the export need: the host, the secret,
/// the client at the token endpoint (catching the usual mistakes: whitespace around the secret, a wrong host, a client
/// without the client-credentials grant), then one token per scope (<c>invalid_scope</c> = not granted) and one
/// cheap read per endpoint with that scope's token only. Nothing is written to Coupa.
/// </summary>
public sealed class CoupaDoctor(
    CoupaClientFactory clients,
    ImportCatalog catalog,
    KeyVaultSecrets keyVault,
    IOptions<SecretsOptions> secretsOptions,
    ILogger<CoupaDoctor> logger)
{
    private const int ScopesInParallel = 4;
    private readonly TokenProbe _tokens = new(clients);
    private readonly ReadProbe _reads = new(clients);

    public async Task<DoctorReport> ExamineAsync(DoctorRequest request, CancellationToken cancellationToken)
    {
        var targets = DoctorTargets.Select(catalog, request.Types);
        var baseUrl = CoupaConnection.NormalizeBaseUrl(request.BaseUrl.ToString());
        var instance = baseUrl.GetLeftPart(UriPartial.Authority);
        var clientId = request.ClientId.Trim();
        var fromKeyVault = request.ClientSecret is null;
        var checks = new List<DoctorCheck> { HostCheck.For(baseUrl, secretsOptions.Value.CoupaHostAllowList, fromKeyVault) };

        Secret? secret = null;
        if (checks[0].Status == DoctorStatus.Failed)
            checks.Add(new DoctorCheck("secret", DoctorStatus.NotChecked, "not read: Key Vault secrets go to allow-listed hosts only"));
        else
        {
            (secret, var secretCheck) = await SecretAsync(request, clientId, cancellationToken);
            checks.Add(secretCheck);
        }
        IReadOnlyList<DoctorScopeCheck> rows;
        if (secret is null)
        {
            checks.Add(new DoctorCheck("client", DoctorStatus.NotChecked, "not checked: no client secret to check with"));
            rows = NotChecked(targets, "no client secret to check with");
        }
        else
        {
            var (clientCheck, working, firstProbe) = await ClientAsync(baseUrl, clientId, secret, request.SecretOrigin, targets[0].Scope, cancellationToken);
            checks.Add(clientCheck);
            rows = working is null
                ? NotChecked(targets, "the client check failed")
                : await ScopesAsync(baseUrl, clientId, working, targets, firstProbe!, cancellationToken);
        }

        var report = Redacted(new DoctorReport(instance, clientId, checks, rows), secret);
        logger.LogInformation("Coupa doctor on {Instance} for client {ClientId}: {Outcome}, scopes to add: {ScopesToAdd}",
            instance, clientId, report.Outcome, string.Join(' ', report.ScopesToAdd));
        return report;
    }

    private async Task<(Secret?, DoctorCheck)> SecretAsync(DoctorRequest request, string clientId, CancellationToken cancellationToken)
    {
        if (request.ClientSecret is { } given)
            return given.IsEmpty
                ? (null, new DoctorCheck("secret", DoctorStatus.Failed, $"The client secret from {request.SecretOrigin} is empty."))
                : (given, new DoctorCheck("secret", DoctorStatus.Ok, $"From {request.SecretOrigin}."));
        var name = SecretsOptions.KeyVaultName(secretsOptions.Value.CoupaClientSecretName, "{clientId}", clientId);
        if (!keyVault.IsConfigured)
            return (null, new DoctorCheck("secret", DoctorStatus.Failed, $"No client secret was given and there is {keyVault.Describe}, which would hold it as '{name}'."));
        try
        {
            return await keyVault.GetAsync(name, cancellationToken) is { IsEmpty: false } found
                ? (found, new DoctorCheck("secret", DoctorStatus.Ok, $"Secret '{name}' from {keyVault.Describe}."))
                : (null, new DoctorCheck("secret", DoctorStatus.Failed, $"{keyVault.Describe} has no secret '{name}' (or it is empty): store the client secret under that name."));
        }
        catch (IntegrationException e)
        {
            return (null, new DoctorCheck("secret", e.Kind == FailureKind.Transient ? DoctorStatus.Unavailable : DoctorStatus.Failed, e.Message));
        }
    }

    /// <summary>
    /// The first token request tells whether the host is Coupa and the client is accepted. When the secret as given
    /// is refused and has whitespace around it, the trimmed one is tried: if that works, the cause is certain, and
    /// the scope checks go on with it so the one run reports everything.
    /// </summary>
    private async Task<(DoctorCheck Check, Secret? Working, TokenProbeResult? FirstProbe)> ClientAsync(
        Uri baseUrl, string clientId, Secret secret, string origin, string firstScope, CancellationToken cancellationToken)
    {
        var where = $"{baseUrl.GetLeftPart(UriPartial.Authority)}/oauth2/token";
        var probe = await _tokens.RequestAsync(baseUrl, clientId, secret, firstScope, cancellationToken);
        if (probe.ClientAccepted)
            return (secret.HasSurroundingWhitespace
                ? new DoctorCheck("client", DoctorStatus.Warning, $"{where} accepted client id '{clientId}', but the secret from {origin} has whitespace at its start or end: remove it, other tools may not forgive it.")
                : new DoctorCheck("client", DoctorStatus.Ok, $"{where} accepted client id '{clientId}' with the client-credentials grant."), secret, probe);

        if (probe.Outcome == TokenOutcome.ClientRejected && secret.HasSurroundingWhitespace)
        {
            var trimmed = new Secret(secret.Reveal().Trim());
            var retry = await _tokens.RequestAsync(baseUrl, clientId, trimmed, firstScope, cancellationToken);
            if (retry.ClientAccepted)
                return (new DoctorCheck("client", DoctorStatus.Failed,
                    $"The secret from {origin} has whitespace at its start or end, and {where} rejects it ({probe.ErrorText}). Without the whitespace client id '{clientId}' is accepted: remove the whitespace where the secret is stored. The scopes below were checked with the trimmed secret."), trimmed, retry);
            if (retry.Outcome == TokenOutcome.ClientRejected)
                return (new DoctorCheck("client", DoctorStatus.Failed,
                    $"{where} rejected client id '{clientId}' ({retry.ErrorText}) with and without the whitespace around the secret from {origin}: the client id or secret is wrong, and remove the whitespace too."), null, null);
            probe = retry;
        }
        return (new DoctorCheck("client", Status(probe), ClientProblem(probe, where, clientId)), null, null);
    }

    private static DoctorStatus Status(TokenProbeResult probe) => probe.Outcome == TokenOutcome.Unavailable ? DoctorStatus.Unavailable : DoctorStatus.Failed;

    private static string ClientProblem(TokenProbeResult probe, string where, string clientId) => probe.Outcome switch
    {
        TokenOutcome.ClientRejected => $"{where} rejected client id '{clientId}' ({probe.ErrorText}): the client id or its secret is wrong (Coupa: Setup > Integrations > OAuth2/OpenID Connect Clients).",
        TokenOutcome.GrantNotAllowed => $"{where} refuses client id '{clientId}' the client-credentials grant ({probe.ErrorText}): set the client's grant type to Client credentials in Coupa (Setup > Integrations > OAuth2/OpenID Connect Clients).",
        TokenOutcome.NotCoupa => $"Not a Coupa instance: {where} answered {probe.What}. Check the Coupa URL: the instance root, such as https://yourorg.coupahost.com/.",
        TokenOutcome.Unreachable => $"Not a Coupa instance, or not reachable: {probe.What}. Check the Coupa URL: the instance root, such as https://yourorg.coupahost.com/.",
        TokenOutcome.Unavailable => $"{where} is unavailable ({(probe.Status == 0 ? probe.What : probe.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}) after retries: try again later.",
        _ => $"{where} refused the token request ({probe.Status} {probe.ErrorText}).",
    };

    private async Task<IReadOnlyList<DoctorScopeCheck>> ScopesAsync(
        Uri baseUrl, string clientId, Secret secret, IReadOnlyList<DoctorTarget> targets, TokenProbeResult firstProbe, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<(string Scope, string? Endpoint), (DoctorStatus, string)>();
        var byScope = targets.GroupBy(t => t.Scope).ToList();
        await Parallel.ForEachAsync(byScope, new ParallelOptions { MaxDegreeOfParallelism = ScopesInParallel, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var scope = group.Key;
            var probe = scope == targets[0].Scope ? firstProbe : await _tokens.RequestAsync(baseUrl, clientId, secret, scope, ct);
            var connection = new CoupaConnection(baseUrl, clientId, secret, [scope]);
            foreach (var endpoint in group.Select(t => t.Endpoint).Distinct())
                results[(scope, endpoint)] = probe.Outcome switch
                {
                    TokenOutcome.Granted when endpoint is null => (DoctorStatus.Ok, "granted (writes are not tried)"),
                    TokenOutcome.Granted => await _reads.ReadAsync(connection, endpoint, ct),
                    TokenOutcome.ScopeNotGranted => (DoctorStatus.Missing, $"not granted ({probe.ErrorText}): add it to the client"),
                    _ => (Status(probe), $"token request for this scope failed: {probe.Status} {probe.ErrorText}"),
                };
        });
        return [.. targets.Select(t =>
        {
            var (status, detail) = results[(t.Scope, t.Endpoint)];
            return new DoctorScopeCheck(t.Type, t.Scope, t.Endpoint, status, detail);
        })];
    }

    private static IReadOnlyList<DoctorScopeCheck> NotChecked(IReadOnlyList<DoctorTarget> targets, string why) =>
        [.. targets.Select(t => new DoctorScopeCheck(t.Type, t.Scope, t.Endpoint, DoctorStatus.NotChecked, $"not checked: {why}"))];

    /// <summary>
    /// Last line of defence: messages quote Coupa's own error descriptions and exception texts; should any of them
    /// echo the secret, it leaves as ***.
    /// </summary>
    private static DoctorReport Redacted(DoctorReport report, Secret? secret)
    {
        var values = secret is null ? [] : new[] { secret.Reveal(), secret.Reveal().Trim() }.Where(v => v.Length >= 4).Distinct().ToArray();
        if (values.Length == 0) return report;
        string Clean(string text) => values.Aggregate(text, (t, v) => t.Replace(v, "***", StringComparison.Ordinal));
        return report with
        {
            Checks = [.. report.Checks.Select(c => c with { Detail = Clean(c.Detail) })],
            Scopes = [.. report.Scopes.Select(s => s with { Detail = Clean(s.Detail) })],
        };
    }
}

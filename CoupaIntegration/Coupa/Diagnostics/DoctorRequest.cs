using CoupaIntegration.Common;

namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>
/// What to examine: one OAuth client on one Coupa instance, for some import types and/or <c>export</c> (all when
/// <see cref="Types"/> is empty). Without <see cref="ClientSecret"/> the secret is read from Key Vault, as the
/// Function App would read it; <see cref="SecretOrigin"/> says where a given one came from, for the messages.
/// </summary>
public sealed record DoctorRequest(Uri BaseUrl, string ClientId, Secret? ClientSecret, string SecretOrigin, IReadOnlyList<string> Types);

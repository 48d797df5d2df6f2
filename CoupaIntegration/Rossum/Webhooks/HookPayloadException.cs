using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>Every problem found in a hook payload at once (a bad request: the same body fails again).</summary>
public sealed class HookPayloadException(IReadOnlyList<HookPayloadError> errors)
    : IntegrationException(FailureKind.BadRequest, Describe(errors))
{
    public IReadOnlyList<HookPayloadError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<HookPayloadError> errors) =>
        $"Invalid Rossum hook payload ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}): " + string.Join("; ", errors);
}

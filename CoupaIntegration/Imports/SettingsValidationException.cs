using CoupaIntegration.Common;

namespace CoupaIntegration.Imports;

/// <summary>One problem in the settings, at its JSON path (e.g. <c>$.import_config.records_per_request</c>).</summary>
public sealed record SettingsError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Every problem found in a settings document at once, so a person fixes them in one go.</summary>
public sealed class SettingsValidationException(IReadOnlyList<SettingsError> errors)
    : IntegrationException(FailureKind.BadRequest, Describe(errors))
{
    public IReadOnlyList<SettingsError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<SettingsError> errors) =>
        $"Invalid import settings ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}): " + string.Join("; ", errors);
}

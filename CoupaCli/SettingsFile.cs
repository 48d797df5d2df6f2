using System.Text.Json;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;

namespace CoupaCli;

/// <summary>Reads import settings from a file: a bare settings object, or a whole Rossum hook export holding one.</summary>
internal static class SettingsFile
{
    public static ImportSettings Load(string? path)
    {
        if (path is null) return ImportSettingsParser.Empty;
        if (!File.Exists(path)) throw new IntegrationException(FailureKind.BadRequest, $"Settings file '{path}' does not exist.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var isHook = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("settings", out var settings) && settings.ValueKind == JsonValueKind.Object;
            return isHook ? ImportSettingsParser.Parse(root.GetProperty("settings"), "$.settings") : ImportSettingsParser.Parse(root);
        }
        catch (JsonException e)
        {
            throw new IntegrationException(FailureKind.BadRequest, $"Settings file '{path}' is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    /// <summary>Command-line connection options win over the file, field by field.</summary>
    public static ImportSettings WithConnection(ImportSettings settings, string? coupaUrl, string? clientId) => settings with
    {
        Credentials = settings.Credentials with
        {
            BaseApiUrl = coupaUrl ?? settings.Credentials.BaseApiUrl,
            ClientId = clientId ?? settings.Credentials.ClientId,
        },
    };
}

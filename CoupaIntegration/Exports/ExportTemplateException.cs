using CoupaIntegration.Common;

namespace CoupaIntegration.Exports;

/// <summary>A mapping template that does not parse or does not render valid JSON; the message names the template line.</summary>
public sealed class ExportTemplateException(string message, int? templateLine = null)
    : IntegrationException(FailureKind.Configuration, message)
{
    public int? TemplateLine { get; } = templateLine;
}

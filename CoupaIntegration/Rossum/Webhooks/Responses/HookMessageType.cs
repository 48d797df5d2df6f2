namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>On <c>annotation_content.export</c> an <see cref="Error"/> moves the annotation to <c>failed_export</c>; warnings do not.</summary>
public enum HookMessageType
{
    Error,
    Warning,
    Info,
}

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>One problem in a hook payload at its JSON path; the message describes types, never values.</summary>
public sealed record HookPayloadError(string Path, string Message)
{
    public override string ToString() => $"{Path} {Message}";
}

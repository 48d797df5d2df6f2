namespace CoupaFunctions.Durable;

/// <summary>
/// A slice that cannot succeed until a person changes something (settings, a missing secret, a host off the
/// allow-list): not retried. The message is the core's and names the cause, never a secret.
/// </summary>
public sealed class ImportSliceRefusedException(string message) : Exception(message);

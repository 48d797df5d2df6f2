namespace CoupaFunctions.Durable;

/// <summary>
/// A slice stopped by an error that may pass (Coupa or Rossum unavailable beyond the client's own retries): the
/// orchestrator tries the slice again, and it resumes from the state saved in the data hub. The message is the
/// engine's, which never holds a secret.
/// </summary>
public sealed class ImportSliceFailedException(string message) : Exception(message);

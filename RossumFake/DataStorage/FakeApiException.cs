namespace RossumFake.DataStorage;

/// <summary>Answered as <c>{"code":"error","message":…}</c> with the status, as Data Storage does.</summary>
public sealed class FakeApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

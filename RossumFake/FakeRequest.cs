namespace RossumFake;

/// <summary>One request the fake served; the organisation stands in for the token, which is never kept.</summary>
public sealed record FakeRequest(DateTimeOffset At, string Method, string Path, int Status, string? Organisation, string? Body);

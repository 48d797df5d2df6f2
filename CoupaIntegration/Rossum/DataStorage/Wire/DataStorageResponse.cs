namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary>
/// Data Storage's envelope: <c>{"code":"ok"|"accept"|"error","message":"…","result":…}</c>. An asynchronous call
/// answers 202 with <c>code</c> "accept" and the operation's 24-hex id somewhere in <c>message</c>.
/// </summary>
public sealed record DataStorageResponse<T>(string? Code, string? Message, T? Result);

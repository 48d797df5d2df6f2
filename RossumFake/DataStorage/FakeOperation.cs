namespace RossumFake.DataStorage;

/// <summary>An asynchronous Data Storage operation (bulk_write, drop) as <c>operation_status</c> reports it.</summary>
public sealed class FakeOperation(string id, string organisation, string operation)
{
    public string Id { get; } = id;
    public string Organisation { get; } = organisation;
    public string Operation { get; } = operation;
    public string Status { get; set; } = "CREATED";
    public string? ErrorMessage { get; set; }
    public DateTimeOffset LastUpdated { get; set; } = DateTimeOffset.UtcNow;
}

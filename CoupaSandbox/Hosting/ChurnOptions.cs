namespace CoupaSandbox;

/// <summary>Every <see cref="EveryNRequests"/> /api requests, update and create records of <see cref="Resource"/>,
/// like a busy tenant whose data changes while an import pages through it.</summary>
public sealed class ChurnOptions
{
    public string Resource { get; set; } = "suppliers";
    public int EveryNRequests { get; set; } = 5;
    public int UpdateCount { get; set; } = 1;
    public int CreateCount { get; set; } = 1;
}

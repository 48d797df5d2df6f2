namespace CoupaIntegration.Imports;

/// <summary>
/// Everything needed to resume a run exactly where its data was written: the pinned id ceiling and the
/// checkpoint the run filtered on, the id ranges still to read (each with its cursor), and the counters.
/// Saved with every batch; a resumed run keeps its original start, so the next checkpoint stays safe.
/// </summary>
public sealed record ImportRunState
{
    public required string RunId { get; init; }
    public required string Dataset { get; init; }
    public required string Fingerprint { get; init; }
    /// <summary>Becomes the dataset's checkpoint when the run completes.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>The <c>${last_modified_date}</c> value this run substitutes (the previous checkpoint).</summary>
    public required DateTimeOffset ModifiedSince { get; init; }
    /// <summary>Records created after the run started have higher ids and wait for the next run.</summary>
    public required long IdCeiling { get; init; }
    public long IdFloor { get; init; }
    public required List<IdRange> Ranges { get; init; }
    public int NextRangeId { get; set; }
    public long RecordsRead { get; set; }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Pages { get; set; }
    public double SecondsBefore { get; set; }
    public int Attempts { get; set; }

    public ImportRunState Snapshot() => this with { Ranges = Ranges.Select(r => r with { }).ToList() };

    /// <summary>Share of the id span already read: a fair progress estimate when ids are spread evenly.</summary>
    public double FractionDone()
    {
        var total = (double)(IdCeiling - IdFloor);
        return total <= 0 ? 1 : Math.Clamp(1 - Ranges.Sum(r => (double)(r.Through - r.After)) / total, 0, 1);
    }
}

/// <summary>Ids in (<see cref="After"/>, <see cref="Through"/>] still to read; <see cref="After"/> is the cursor.</summary>
public sealed record IdRange(int Id, long After, long Through)
{
    public long After { get; set; } = After;
    public long Through { get; set; } = Through;
}

namespace CoupaSandbox.Data;

/// <summary>Seeded timestamps. created-at grows with the id (as in a real database) but records are created in
/// batches that share one second, so ordering by created_at has ties, which is what makes offset paging unstable.</summary>
internal static class Timeline
{
    public static readonly DateTimeOffset SeedStart = new(2019, 1, 1, 12, 0, 0, TimeSpan.Zero); // noon UTC: still 2019 in every offset
    public static readonly DateTimeOffset CreatedEnd = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset UpdatedEnd = new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero); // still 2025 in every offset

    public static DateTimeOffset Created(long id, long seededCount, int batchSize, RecordRng resourceRng)
    {
        long count = Math.Max(seededCount, 1);
        long batch = (Math.Clamp(id, 1, count) - 1) / batchSize;
        long batches = (count + batchSize - 1) / batchSize;
        double step = (CreatedEnd - SeedStart).TotalSeconds / batches;
        long jitter = (long)(resourceRng.Sub("batch", batch).Unit("jitter") * step * 0.5);
        return SeedStart.AddSeconds((long)(batch * step) + jitter);
    }

    /// <summary>A share of records was never touched after creation (updated-at = created-at); the rest were updated
    /// at some later second before the end of the seeded period.</summary>
    public static DateTimeOffset Updated(DateTimeOffset created, RecordRng rng, double neverUpdatedShare)
    {
        if (created >= UpdatedEnd || rng.Chance("never-updated", neverUpdatedShare))
            return created;
        long room = (long)(UpdatedEnd - created).TotalSeconds;
        return created.AddSeconds((long)(rng.Unit("updated-offset") * room));
    }
}

namespace CoupaCli.Bench;

/// <summary>Resident memory of this process from /proc (Linux): now, and the peak so far.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes() => Read("VmRSS:") ?? Environment.WorkingSet;

    public static long PeakResidentBytes() => Read("VmHWM:") ?? Environment.WorkingSet;

    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MB";

    private static long? Read(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}

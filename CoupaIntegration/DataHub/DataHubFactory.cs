using CoupaIntegration.Common;

namespace CoupaIntegration.DataHub;

/// <summary>Data hubs named by a short URI, as the CLI and app settings give them: <c>sqlite:PATH</c>.</summary>
public static class DataHubFactory
{
    /// <param name="fresh">Start from an empty store (the demo does, so every run tells the same story).</param>
    public static IDataHub Open(string spec, bool fresh = false)
    {
        var colon = spec.IndexOf(':');
        var (scheme, rest) = colon > 0 ? (spec[..colon].ToLowerInvariant(), spec[(colon + 1)..]) : ("sqlite", spec);
        return scheme switch
        {
            "sqlite" when rest.Length > 0 => new SqliteDataHub(fresh ? DeleteSqlite(rest) : rest),
            _ => throw new IntegrationException(FailureKind.BadRequest, $"Unknown data hub '{spec}': use sqlite:PATH, for example sqlite:.coupa/data.db."),
        };
    }

    private static string DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
        return path;
    }
}

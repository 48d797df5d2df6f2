using System.Runtime.CompilerServices;
using System.Text.Json;
using CoupaIntegration.Imports;
using Microsoft.Data.Sqlite;

namespace CoupaIntegration.DataHub;

/// <summary>
/// The embedded data hub: one SQLite file, one table per dataset holding the Coupa JSON documents as Coupa
/// returned them (hyphenated keys) under a unique key made of the id keys, plus tables for checkpoints and
/// unfinished runs. WAL mode lets readers see the last committed state while a run writes.
/// </summary>
public sealed class SqliteDataHub : IDataHub
{
    private readonly string _connectionString;

    public SqliteDataHub(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 60 }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS _checkpoints (dataset TEXT PRIMARY KEY, last_success_start TEXT NOT NULL, completed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS _runs (dataset TEXT PRIMARY KEY, state TEXT NOT NULL, saved_at TEXT NOT NULL);
            """);
    }

    public string Path { get; }

    public string Description => $"sqlite:{Path}";

    internal static JsonSerializerOptions StateJson { get; } = new(JsonSerializerDefaults.Web);

    public async Task<DateTimeOffset?> GetCheckpointAsync(string dataset, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var value = await Scalar(connection, "SELECT last_success_start FROM _checkpoints WHERE dataset = $d", dataset, cancellationToken);
        return value is string text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public async Task<ImportRunState?> GetUnfinishedRunAsync(string dataset, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var value = await Scalar(connection, "SELECT state FROM _runs WHERE dataset = $d", dataset, cancellationToken);
        return value is string json ? JsonSerializer.Deserialize<ImportRunState>(json, StateJson) : null;
    }

    public async Task<IDatasetWriter> OpenWriterAsync(DatasetTarget target, bool resume, CancellationToken cancellationToken)
    {
        var connection = Open();
        var table = target.Method == ImportMethod.Replace ? StagingTable(target.Dataset) : DataTable(target.Dataset);
        if (target.Method == ImportMethod.Replace && !resume)
            Execute(connection, $"DROP TABLE IF EXISTS {table};");
        Execute(connection, $"CREATE TABLE IF NOT EXISTS {table} (key TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, imported_at TEXT NOT NULL);");
        if (target.Method != ImportMethod.Replace)
            Execute(connection, $"CREATE TABLE IF NOT EXISTS {DataTable(target.Dataset)} (key TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, imported_at TEXT NOT NULL);");
        await Task.CompletedTask;
        return new SqliteDatasetWriter(connection, target, table, DataTable(target.Dataset));
    }

    public async Task<long> CountAsync(string dataset, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        if (!TableExists(connection, dataset)) return 0;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {DataTable(dataset)}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<JsonElement> ReadAllAsync(string dataset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open();
        if (!TableExists(connection, dataset)) yield break;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT doc FROM {DataTable(dataset)} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var doc = JsonDocument.Parse(reader.GetString(0));
            yield return doc.RootElement.Clone();
        }
    }

    public async Task<IReadOnlyList<DatasetInfo>> ListDatasetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds:%' AND name NOT LIKE '%:staging'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0)["ds:".Length..]);
        }
        var result = new List<DatasetInfo>();
        foreach (var name in names)
            result.Add(new DatasetInfo(name, await CountAsync(name, cancellationToken), await GetCheckpointAsync(name, cancellationToken),
                await GetUnfinishedRunAsync(name, cancellationToken) is not null));
        return result;
    }

    /// <summary>
    /// Closes this file's idle pooled connections (before deleting it, say). Only this file's pool: clearing every
    /// pool would disturb other hubs of the process mid-write.
    /// </summary>
    public void ReleaseConnections()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;");
        return connection;
    }

    /// <summary>Dataset names are checked by the planner; quoting keeps any other name harmless too.</summary>
    internal static string DataTable(string dataset) => Quote($"ds:{dataset}");

    internal static string StagingTable(string dataset) => Quote($"ds:{dataset}:staging");

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static bool TableExists(SqliteConnection connection, string dataset)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $n";
        command.Parameters.AddWithValue("$n", $"ds:{dataset}");
        return command.ExecuteScalar() is not null;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, string dataset, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$d", dataset);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

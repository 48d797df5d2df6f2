using System.Globalization;
using System.Text.Json;
using CoupaIntegration.Imports;
using Microsoft.Data.Sqlite;

namespace CoupaIntegration.DataHub;

/// <summary>
/// Writes one run's batches. Each batch and the run state after it commit in one transaction, so a crash
/// leaves the file at a batch boundary that the saved state describes exactly: no batch lost, none doubled.
/// </summary>
internal sealed class SqliteDatasetWriter(SqliteConnection connection, DatasetTarget target, string table, string liveTable) : IDatasetWriter
{
    public Task<BatchWriteResult> WriteAsync(IReadOnlyList<JsonElement> records, Func<BatchWriteResult, ImportRunState> stateAfter, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        int inserted = 0, updated = 0, unchanged = 0;

        using var find = Command(transaction, $"SELECT doc FROM {table} WHERE key = $key", "$key");
        using var insert = Command(transaction, $"INSERT INTO {table} (key, doc, imported_at) VALUES ($key, $doc, $at)", "$key", "$doc", "$at");
        using var update = Command(transaction, $"UPDATE {table} SET doc = $doc, imported_at = $at WHERE key = $key", "$key", "$doc", "$at");
        foreach (var record in records)
        {
            var key = RecordKey.Of(record, target.IdKeys);
            var doc = record.GetRawText();
            find.Parameters["$key"].Value = key;
            var existing = find.ExecuteScalar() as string;
            if (existing is null)
            {
                Run(insert, key, doc, now);
                inserted++;
            }
            else if (existing == doc || target.Method == ImportMethod.Insert)
            {
                // Insert never overwrites: a record already present stays as it was.
                unchanged++;
            }
            else
            {
                Run(update, key, doc, now);
                updated++;
            }
        }
        var result = new BatchWriteResult(inserted, updated, unchanged);
        SaveState(transaction, stateAfter(result), now);
        transaction.Commit();
        return Task.FromResult(result);
    }

    public Task CompleteAsync(ImportRunState finalState, DateTimeOffset checkpoint, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        if (target.Method == ImportMethod.Replace)
        {
            // DDL is transactional in SQLite: readers see the old table until this commits, then the new one whole.
            SqliteDataHub.Execute(connection, $"DROP TABLE IF EXISTS {liveTable}; ALTER TABLE {table} RENAME TO {liveTable};", transaction);
        }
        using (var save = Command(transaction,
            "INSERT INTO _checkpoints (dataset, last_success_start, completed_at) VALUES ($d, $s, $c) ON CONFLICT(dataset) DO UPDATE SET last_success_start = $s, completed_at = $c",
            "$d", "$s", "$c"))
        {
            Run(save, target.Dataset, checkpoint.ToString("O", CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }
        using (var forget = Command(transaction, "DELETE FROM _runs WHERE dataset = $d", "$d"))
            Run(forget, target.Dataset);
        transaction.Commit();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private void SaveState(SqliteTransaction transaction, ImportRunState state, string now)
    {
        using var save = Command(transaction,
            "INSERT INTO _runs (dataset, state, saved_at) VALUES ($d, $s, $t) ON CONFLICT(dataset) DO UPDATE SET state = $s, saved_at = $t", "$d", "$s", "$t");
        Run(save, target.Dataset, JsonSerializer.Serialize(state, SqliteDataHub.StateJson), now);
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}

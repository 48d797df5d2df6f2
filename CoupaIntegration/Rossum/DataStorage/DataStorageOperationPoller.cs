using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage.Wire;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Waits for an asynchronous Data Storage operation (bulk_write, drop) by polling its status until FINISHED or
/// FAILED. Writes are awaited before the run state that depends on them is saved: data first, then state.
/// </summary>
public sealed class DataStorageOperationPoller(TimeSpan interval, TimeSpan timeout, TimeProvider time, ILogger logger)
{
    public async Task<OperationStatus> WaitAsync(string operationId, string operation,
        Func<string, CancellationToken, Task<OperationStatus>> getStatus, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var polls = 1; ; polls++)
        {
            var status = await getStatus(operationId, cancellationToken);
            if (status.Status == OperationStatus.Finished)
            {
                logger.LogDebug("Data Storage operation {OperationId} ({Operation}) finished after {Polls} polls", operationId, operation, polls);
                return status;
            }
            if (status.Status == OperationStatus.Failed)
                throw new IntegrationException(FailureKind.Fatal,
                    $"Rossum Data Storage operation {operationId} ({operation}) failed: {status.ErrorMessage ?? "no reason given"}.");
            if (time.GetElapsedTime(started) >= timeout)
                throw new IntegrationException(FailureKind.Transient,
                    $"Rossum Data Storage operation {operationId} ({operation}) was still {status.Status ?? "pending"} after {timeout.TotalSeconds:0} s; the next run writes that batch again.");
            await Task.Delay(interval, time, cancellationToken);
        }
    }
}

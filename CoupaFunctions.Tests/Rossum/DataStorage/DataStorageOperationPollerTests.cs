using System.Text.Json;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage;
using CoupaIntegration.Rossum.DataStorage.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

public sealed class DataStorageOperationPollerTests
{
    private static readonly DataStorageOperationPoller Poller = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(300), TimeProvider.System, NullLogger.Instance);

    private static OperationStatus Status(string status, string? error = null) => new(default, status, "bulk_write", null, error);

    private static Func<string, CancellationToken, Task<OperationStatus>> Sequence(params string[] statuses)
    {
        var next = 0;
        return (_, _) => Task.FromResult(Status(statuses[Math.Min(next++, statuses.Length - 1)], "E11000 duplicate key"));
    }

    [Fact]
    public async Task Poll_ReturnsWhenTheOperationFinishes()
    {
        var polls = 0;
        var sequence = Sequence("CREATED", "RUNNING", "RUNNING", "FINISHED");
        var status = await Poller.WaitAsync("65f1c2a9e4b0a1b2c3d4e5f6", "writing", (id, ct) => { polls++; return sequence(id, ct); }, TestContext.Current.CancellationToken);

        Assert.Equal("FINISHED", status.Status);
        Assert.Equal(4, polls);
    }

    [Fact]
    public async Task AFailedOperation_IsAFatalFailureQuotingTheServicesReason()
    {
        var error = await Assert.ThrowsAsync<IntegrationException>(() =>
            Poller.WaitAsync("65f1c2a9e4b0a1b2c3d4e5f6", "writing 3 documents to suppliers", Sequence("RUNNING", "FAILED"), TestContext.Current.CancellationToken));

        Assert.Equal(FailureKind.Fatal, error.Kind);
        Assert.Equal("Rossum Data Storage operation 65f1c2a9e4b0a1b2c3d4e5f6 (writing 3 documents to suppliers) failed: E11000 duplicate key.", error.Message);
    }

    [Fact]
    public async Task AnOperationThatNeverFinishes_TimesOutAsATransientFailure()
    {
        var error = await Assert.ThrowsAsync<IntegrationException>(() =>
            Poller.WaitAsync("65f1c2a9e4b0a1b2c3d4e5f6", "writing", Sequence("RUNNING"), TestContext.Current.CancellationToken));

        Assert.Equal(FailureKind.Transient, error.Kind);
        Assert.Contains("was still RUNNING", error.Message);
    }
}

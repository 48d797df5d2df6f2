using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage;
using static CoupaFunctions.Tests.Rossum.DataStorage.HubTestData;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>The client boundary: 202 operations, tokens and their replacement, retries and error translation.</summary>
public sealed class RossumDataStorageClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BulkWrite_Answered202_IsPolledUntilFinished_BeforeTheCallReturns()
    {
        await using var rossum = await FakeRossum.StartAsync(o => o.OperationDelay = TimeSpan.FromMilliseconds(200));
        await using var writer = await rossum.Hub().OpenWriterAsync(Target("suppliers", ImportMethod.Update), false, Ct);

        await writer.WriteAsync(Suppliers(1, 3), After(State("suppliers")), Ct);

        Assert.Equal(3, rossum.Storage.Count("suppliers"));
        var bulk = Assert.Single(rossum.Server.Requests.DataStorage("data/bulk_write"));
        Assert.Equal(202, bulk.Status);
        Assert.InRange(rossum.Server.Requests.DataStorage("operation_status").Count, 3, 100);
    }

    [Fact]
    public void OperationIds_AreThe24HexIdInTheAcceptMessage()
    {
        Assert.Equal("65f1c2a9e4b0a1b2c3d4e5f6", RossumDataStorageClient.OperationIdIn("Operation 65f1c2a9e4b0a1b2c3d4e5f6 accepted."));
        Assert.Equal("65f1c2a9e4b0a1b2c3d4e5f6", RossumDataStorageClient.OperationIdIn("65f1c2a9e4b0a1b2c3d4e5f6"));
        Assert.Null(RossumDataStorageClient.OperationIdIn("accepted"));
        Assert.Null(RossumDataStorageClient.OperationIdIn(null));
    }

    [Fact]
    public async Task AnExpiredToken_IsRossumTokenExpiredException_AConfigurationFailureWithoutTheToken()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var token = rossum.Server.Tokens.Mint(lifetime: TimeSpan.FromMinutes(10));
        var hub = rossum.Hub(token);
        await using var writer = await hub.OpenWriterAsync(Target("suppliers", ImportMethod.Update), false, Ct);
        rossum.Server.Tokens.Expire(token);

        var error = await Assert.ThrowsAsync<RossumTokenExpiredException>(() => writer.WriteAsync(Suppliers(1, 3), After(State("suppliers")), Ct));

        Assert.Equal(FailureKind.Configuration, error.Kind);
        Assert.StartsWith("Rossum Data Storage rejected the token (401)", error.Message);
        Assert.Contains("token_lifetime_s", error.Message);
        Assert.DoesNotContain(token, error.Message);
        Assert.DoesNotContain(token, rossum.Services.AllLogText());
    }

    [Fact]
    public async Task ATokenPastItsLifetime_IsRejected()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var token = rossum.Server.Tokens.Mint(lifetime: TimeSpan.FromMilliseconds(50));
        await Task.Delay(100, Ct);

        await Assert.ThrowsAsync<RossumTokenExpiredException>(() => rossum.Hub(token).CountAsync("suppliers", Ct));
    }

    [Fact]
    public async Task ARejectedToken_IsReplacedOnceByTheTokenSource_AndTheRunCarriesOn()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var first = rossum.Server.Tokens.Mint();
        var replacement = rossum.Server.Tokens.Mint();
        var tokens = new ReplacingTokenSource(first, replacement);
        var hub = rossum.Hub(tokens);
        await using var writer = await hub.OpenWriterAsync(Target("suppliers", ImportMethod.Update), false, Ct);
        await writer.WriteAsync(Suppliers(1, 3), After(State("suppliers")), Ct);
        rossum.Server.Tokens.Expire(first);

        await writer.WriteAsync(Suppliers(4, 3), After(State("suppliers")), Ct);
        await writer.WriteAsync(Suppliers(7, 3), After(State("suppliers")), Ct);

        Assert.Equal([first], tokens.Rejected);
        Assert.Equal(9, rossum.Storage.Count("suppliers"));
        Assert.Single(rossum.Server.Requests.Snapshot(), r => r.Status == 401);
    }

    [Fact]
    public async Task AReplacementThatIsAlsoRejected_IsRossumTokenExpiredException()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var tokens = new ReplacingTokenSource(rossum.Server.Tokens.Mint(lifetime: TimeSpan.Zero), "not-a-token-the-fake-issued");

        await Assert.ThrowsAsync<RossumTokenExpiredException>(() => rossum.Hub(tokens).CountAsync("suppliers", Ct));
        Assert.Single(tokens.Rejected);
    }

    [Fact]
    public async Task TransientFailures_AreRetried()
    {
        await using var rossum = await FakeRossum.StartAsync(o => { o.FailNextRequests = 2; o.FailStatus = 503; });
        await using var writer = await rossum.Hub().OpenWriterAsync(Target("suppliers", ImportMethod.Update), false, Ct);

        await writer.WriteAsync(Suppliers(1, 3), After(State("suppliers")), Ct);

        Assert.Equal(3, rossum.Storage.Count("suppliers"));
        Assert.Equal(2, rossum.Server.Requests.Snapshot().Count(r => r.Status == 503));
    }

    [Theory]
    [InlineData(503, FailureKind.Transient, "kept failing with 503 after all retries")]
    [InlineData(403, FailureKind.Configuration, "needs the admin role")]
    [InlineData(404, FailureKind.Configuration, "Master Data Hub is enabled")]
    [InlineData(422, FailureKind.Fatal, "answered 422: Injected fault.")]
    public async Task FailuresThatOutliveRetries_BecomeIntegrationExceptionsWithAKind(int status, FailureKind kind, string message)
    {
        await using var rossum = await FakeRossum.StartAsync(o => { o.FailNextRequests = 100; o.FailStatus = status; });

        var error = await Assert.ThrowsAsync<DataStorageRequestException>(() => rossum.Hub().CountAsync("suppliers", Ct));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message);
        Assert.Contains("counting suppliers", error.Message);
    }
}

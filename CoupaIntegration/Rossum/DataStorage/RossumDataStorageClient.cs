using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage.Wire;
using Refit;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Data Storage calls for one organisation (base URL + token source), with the failure handling in one place:
/// a 401 asks the token source for a replacement and retries once, other failures become
/// <see cref="IntegrationException"/>s, and 202 operations are polled to completion before a call returns.
/// Retries of 408/429/5xx happen below, in the HTTP client's resilience pipeline.
/// </summary>
public sealed partial class RossumDataStorageClient(IRossumDataStorageApi api, Uri baseUrl, IRossumTokenSource tokens, DataStorageOperationPoller poller)
{
    public Uri BaseUrl => baseUrl;

    public async Task<IReadOnlyList<string>> ListCollectionNamesAsync(CancellationToken cancellationToken)
    {
        var names = await SendAsync("listing collections", (t, c) => api.ListCollectionsAsync(new ListCollectionsRequest(), t, c), cancellationToken);
        // nameOnly gives strings; tolerate objects ({"name":…}) too, as listCollections returns without it.
        return (names ?? []).Select(n => n.ValueKind == JsonValueKind.String ? n.GetString()! : n.GetProperty("name").GetString()!).ToList();
    }

    public Task CreateCollectionAsync(string collection, CancellationToken cancellationToken) =>
        SendAsync($"creating collection {collection}", (t, c) => api.CreateCollectionAsync(new CreateCollectionRequest(collection), t, c), cancellationToken);

    public Task RenameCollectionAsync(string collection, string target, bool dropTarget, CancellationToken cancellationToken) =>
        SendAsync($"renaming collection {collection} to {target}", (t, c) => api.RenameCollectionAsync(new RenameCollectionRequest(collection, target, dropTarget), t, c), cancellationToken);

    public Task DropCollectionAsync(string collection, CancellationToken cancellationToken) =>
        SendAndWaitAsync($"dropping collection {collection}", (t, c) => api.DropCollectionAsync(new DropCollectionRequest(collection), t, c), cancellationToken);

    public async Task<int> InsertManyAsync(string collection, IReadOnlyList<JsonNode> documents, CancellationToken cancellationToken)
    {
        var result = await SendAsync($"inserting {documents.Count} documents into {collection}",
            (t, c) => api.InsertManyAsync(new InsertManyRequest(collection, documents), t, c), cancellationToken);
        return result?.InsertedIds?.Count ?? documents.Count;
    }

    /// <summary>Queues the operations and returns when Data Storage reports them finished.</summary>
    public Task BulkWriteAsync(string collection, IReadOnlyList<BulkWriteOperation> operations, CancellationToken cancellationToken) =>
        SendAndWaitAsync($"writing {operations.Count} documents to {collection}",
            (t, c) => api.BulkWriteAsync(new BulkWriteRequest(collection, operations), t, c), cancellationToken);

    public async Task<IReadOnlyList<JsonElement>> FindAsync(FindRequest request, CancellationToken cancellationToken) =>
        await SendAsync($"reading {request.CollectionName}", (t, c) => api.FindAsync(request, t, c), cancellationToken) ?? [];

    public async Task<long> CountAsync(string collection, CancellationToken cancellationToken)
    {
        JsonObject[] pipeline = [new() { ["$match"] = new JsonObject() }, new() { ["$count"] = "count" }];
        var result = await SendAsync($"counting {collection}", (t, c) => api.AggregateAsync(new AggregateRequest(collection, pipeline), t, c), cancellationToken);
        // $count yields no document at all for an empty (or missing) collection.
        return result is [var only, ..] ? only.GetProperty("count").GetInt64() : 0;
    }

    public async Task<long> DeleteManyAsync(string collection, JsonObject filter, CancellationToken cancellationToken) =>
        (await SendAsync($"deleting from {collection}", (t, c) => api.DeleteManyAsync(new DeleteManyRequest(collection, filter), t, c), cancellationToken))?.DeletedCount ?? 0;

    public Task<UpdateResult?> ReplaceOneAsync(string collection, JsonObject filter, JsonNode replacement, bool upsert, CancellationToken cancellationToken) =>
        SendAsync($"saving a document in {collection}",
            (t, c) => api.ReplaceOneAsync(new ReplaceOneRequest(collection, filter, replacement, new JsonObject { ["upsert"] = upsert }), t, c), cancellationToken);

    public async Task<OperationStatus> GetOperationStatusAsync(string operationId, CancellationToken cancellationToken) =>
        await SendAsync($"polling operation {operationId}", (t, c) => api.GetOperationStatusAsync(operationId, t, c), cancellationToken)
        ?? throw new IntegrationException(FailureKind.Fatal, $"Rossum Data Storage returned no status for operation {operationId}.");

    /// <summary>Data Storage's own convention (also the Rossum SA extension's): the first 24-hex ObjectId in the message.</summary>
    public static string? OperationIdIn(string? message) => message is null ? null : OperationId().Match(message) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("[a-f0-9]{24}")]
    private static partial Regex OperationId();

    private async Task SendAndWaitAsync(string operation, Func<string, CancellationToken, Task<IApiResponse<DataStorageResponse<JsonElement>>>> call, CancellationToken cancellationToken)
    {
        var (status, envelope) = await SendForEnvelopeAsync(operation, call, cancellationToken);
        // A synchronous 200 means it is already done; only a 202 names an operation to wait for.
        if (status != HttpStatusCode.Accepted) return;
        var id = OperationIdIn(envelope?.Message)
            ?? throw new IntegrationException(FailureKind.Fatal, $"Rossum Data Storage accepted {operation} but named no operation id in its answer.");
        await poller.WaitAsync(id, operation, GetOperationStatusAsync, cancellationToken);
    }

    private async Task<T?> SendAsync<T>(string operation, Func<string, CancellationToken, Task<IApiResponse<DataStorageResponse<T>>>> call, CancellationToken cancellationToken) =>
        (await SendForEnvelopeAsync(operation, call, cancellationToken)).Envelope is { } envelope ? envelope.Result : default;

    private async Task<(HttpStatusCode Status, DataStorageResponse<T>? Envelope)> SendForEnvelopeAsync<T>(string operation,
        Func<string, CancellationToken, Task<IApiResponse<DataStorageResponse<T>>>> call, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await CallAsync(operation, call, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            var replacement = await tokens.OnRejectedAsync(token, cancellationToken) ?? throw new RossumTokenExpiredException(baseUrl, operation, tokens.NoReplacementReason);
            response = await CallAsync(operation, call, replacement, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw new RossumTokenExpiredException(baseUrl, operation);
            }
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode || response.Error is not null) throw DataStorageErrors.From(response, baseUrl, operation);
            return (response.StatusCode ?? 0, response.Content);
        }
    }

    private async Task<IApiResponse<DataStorageResponse<T>>> CallAsync<T>(string operation,
        Func<string, CancellationToken, Task<IApiResponse<DataStorageResponse<T>>>> call, Secret token, CancellationToken cancellationToken)
    {
        try
        {
            return await call(token.Reveal(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            throw DataStorageErrors.Unreachable(e, baseUrl, operation);
        }
    }
}

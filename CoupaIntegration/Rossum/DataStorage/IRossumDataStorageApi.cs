using System.Text.Json;
using CoupaIntegration.Rossum.DataStorage.Wire;
using Refit;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Rossum Data Storage, the Mongo-style store under Master Data Hub datasets, as this product uses it:
/// <c>{base_url}/svc/data-storage/api/v1</c>. Collections are scoped to the organisation of the token. The
/// token comes with each call, because every hook call brings its own (<c>rossum_authorization_token</c>).
/// Calls answer the <see cref="DataStorageResponse{T}"/> envelope; bulk_write and drop answer 202 with an
/// operation id to poll (<see cref="GetOperationStatusAsync"/>).
/// </summary>
[Headers("Accept: application/json")]
public interface IRossumDataStorageApi
{
    [Post("/collections/list")]
    Task<IApiResponse<DataStorageResponse<List<JsonElement>>>> ListCollectionsAsync([Body] ListCollectionsRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/collections/create")]
    Task<IApiResponse<DataStorageResponse<JsonElement>>> CreateCollectionAsync([Body] CreateCollectionRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/collections/rename")]
    Task<IApiResponse<DataStorageResponse<JsonElement>>> RenameCollectionAsync([Body] RenameCollectionRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>Asynchronous: 202 and an operation id.</summary>
    [Post("/collections/drop")]
    Task<IApiResponse<DataStorageResponse<JsonElement>>> DropCollectionAsync([Body] DropCollectionRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/data/insert_many")]
    Task<IApiResponse<DataStorageResponse<InsertManyResult>>> InsertManyAsync([Body] InsertManyRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>Asynchronous: 202 and an operation id.</summary>
    [Post("/data/bulk_write")]
    Task<IApiResponse<DataStorageResponse<JsonElement>>> BulkWriteAsync([Body] BulkWriteRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/data/find")]
    Task<IApiResponse<DataStorageResponse<List<JsonElement>>>> FindAsync([Body] FindRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/data/aggregate")]
    Task<IApiResponse<DataStorageResponse<List<JsonElement>>>> AggregateAsync([Body] AggregateRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/data/delete_many")]
    Task<IApiResponse<DataStorageResponse<DeleteResult>>> DeleteManyAsync([Body] DeleteManyRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/data/replace_one")]
    Task<IApiResponse<DataStorageResponse<UpdateResult>>> ReplaceOneAsync([Body] ReplaceOneRequest body, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>Sent with the token too: whether this GET needs one is not documented, and sending it is harmless.</summary>
    [Get("/operation_status/{operationId}")]
    Task<IApiResponse<DataStorageResponse<OperationStatus>>> GetOperationStatusAsync(string operationId, [Authorize] string token, CancellationToken cancellationToken = default);
}

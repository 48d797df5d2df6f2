namespace CoupaIntegration.Rossum.Api.Wire;

/// <summary>A list answer: <c>{"pagination":{"total","total_pages","next","previous"},"results":[…]}</c>.</summary>
public sealed record RossumPage<T>(RossumPagination? Pagination, IReadOnlyList<T>? Results);

/// <summary><c>next</c> is an absolute link to the following page, null on the last.</summary>
public sealed record RossumPagination(int? Total, int? TotalPages, string? Next, string? Previous);

namespace AspireMsa.Catalog.Api.Apis;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);

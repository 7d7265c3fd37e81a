namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>A page of <c>GET /api/catalog/products</c>.</summary>
public sealed record CatalogPage(IReadOnlyList<CatalogProduct> Items, int Page, int PageSize, long TotalCount);

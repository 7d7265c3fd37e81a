namespace AspireMsa.Storefront.StoreApi;

/// <summary>A page of the catalog. The storefront shares no code with the services, only their public JSON; unknown fields are ignored.</summary>
public sealed record ProductList(IReadOnlyList<Product> Items, int Page, int PageSize, long TotalCount)
{
    public int PageCount => PageSize <= 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);
}

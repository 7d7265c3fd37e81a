namespace AspireMsa.Identity.Api.Clients;

/// <summary>
/// One scope per API, each mapped in the scope store to the resource of the same name, which becomes the access token's
/// audience: a token asked for with <c>scope=catalog</c> carries <c>aud=catalog</c>.
/// </summary>
public static class ApiScopes
{
    public const string Catalog = "catalog";
    public const string Ordering = "ordering";
    public const string Inventory = "inventory";
    public const string Analytics = "analytics";

    public static readonly IReadOnlyList<string> All = [Catalog, Ordering, Inventory, Analytics];
}

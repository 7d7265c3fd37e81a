using AspireMsa.Catalog.Api.Apis;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>What Redis knows about one product: nothing (a miss), that it does not exist (a tombstone), or its document.</summary>
public sealed record ProductLookup(bool IsKnown, ProductResponse? Product)
{
    public static readonly ProductLookup Miss = new(false, null);

    public static readonly ProductLookup Absent = new(true, null);

    public static ProductLookup Found(ProductResponse product) => new(true, product);
}

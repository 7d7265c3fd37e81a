namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>What a committed change did to a product, as far as the read model is concerned.</summary>
public enum ReadModelChangeKind
{
    Upsert,
    Delete,
}

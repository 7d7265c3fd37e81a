namespace AspireMsa.Storefront.StoreApi;

/// <summary><c>status</c> "unavailable" means the inventory could not answer (or may not be read), not sold out.</summary>
public sealed record Availability(string Status, int? OnHand = null, int? Reserved = null, int? Available = null)
{
    public bool IsKnown => string.Equals(Status, "available", StringComparison.Ordinal) && Available is not null;
}

namespace AspireMsa.Inventory.Api.Model;

/// <summary>The limits a stock level must respect, shared by the request validation and the domain.</summary>
public static class StockRules
{
    public const int MaxOnHand = 1_000_000;
}

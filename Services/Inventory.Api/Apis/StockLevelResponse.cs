using AspireMsa.Inventory.Api.Model;

namespace AspireMsa.Inventory.Api.Apis;

/// <param name="UnitPrice">The catalog's latest announced price; null until a price change was announced.</param>
/// <param name="StockValue">What is on hand is worth at <paramref name="UnitPrice"/>; null without a price.</param>
public sealed record StockLevelResponse(Guid ProductId, int OnHand, int Reserved, int Available, decimal? UnitPrice, decimal? StockValue)
{
    public static StockLevelResponse From(StockItem item, ProductPrice? price) =>
        new(item.ProductId, item.OnHand, item.Reserved, item.Available, price?.UnitPrice, item.OnHand * price?.UnitPrice);
}

using AspireMsa.Inventory.Api.Model;

namespace AspireMsa.Inventory.Api.Apis;

public sealed record StockLevelResponse(Guid ProductId, int OnHand, int Reserved, int Available)
{
    public static StockLevelResponse From(StockItem item) => new(item.ProductId, item.OnHand, item.Reserved, item.Available);
}

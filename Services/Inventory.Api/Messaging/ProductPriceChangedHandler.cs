using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Inventory.Api.Infrastructure;
using AspireMsa.Inventory.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Inventory.Api.Messaging;

/// <summary>
/// Keeps the unit price that values a product's stock. The product version keeps an older price from replacing a newer
/// one, whatever order the events arrive in; prices of products without stock yet are kept for when it is counted.
/// </summary>
public sealed partial class ProductPriceChangedHandler(InventoryDbContext db, TimeProvider clock, ILogger<ProductPriceChangedHandler> logger)
    : IIntegrationEventHandler<ProductPriceChanged>
{
    public async Task HandleAsync(ProductPriceChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var price = await db.ProductPrices.FirstOrDefaultAsync(p => p.ProductId == @event.ProductId, cancellationToken);
        if (price is null)
        {
            // Two first prices of one product racing on two replicas: the loser's insert fails, and its retry finds this row.
            price = ProductPrice.Create(@event.ProductId);
            db.ProductPrices.Add(price);
        }

        if (!price.TryApply(@event.NewPrice, @event.Version, clock.GetUtcNow()))
        {
            LogStalePriceIgnored(logger, @event.ProductId, @event.Version, price.ProductVersion);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored the price of product {ProductId} at version {Version}: version {Known} is already applied")]
    private static partial void LogStalePriceIgnored(ILogger logger, Guid productId, long version, long known);
}

using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Ordering.Api.Messaging;

/// <summary>
/// Shows the catalog's new price on the lines of pending orders (decided orders keep what they showed). The product version
/// keeps an older price from replacing a newer one, whatever order the events arrive in.
/// </summary>
public sealed partial class ProductPriceChangedHandler(OrderingDbContext db, ILogger<ProductPriceChangedHandler> logger)
    : IIntegrationEventHandler<ProductPriceChanged>
{
    public async Task HandleAsync(ProductPriceChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        // Only the few pending orders are read (partial index on pending orders), each with its lines in one round trip.
        var orders = await db.Orders
            .AsSingleQuery()
            .Where(o => o.Status == OrderStatus.Pending && o.Lines.Any(l => l.ProductId == @event.ProductId))
            .ToListAsync(cancellationToken);
        var shown = orders.Count(order => order.ShowCurrentPrice(@event.ProductId, @event.NewPrice, @event.Version));
        LogPriceShown(logger, @event.ProductId, @event.NewPrice, @event.Version, shown);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {ProductId} now costs {Price} (version {Version}); shown on {Orders} pending order(s)")]
    private static partial void LogPriceShown(ILogger logger, Guid productId, decimal price, long version, int orders);
}

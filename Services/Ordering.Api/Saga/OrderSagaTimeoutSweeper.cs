using System.Globalization;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AspireMsa.Ordering.Api.Saga;

/// <summary>
/// Cancels orders that got no stock reply within <see cref="OrderSagaOptions.Timeout"/>. It publishes nothing: if Inventory
/// reserves for such an order later, its <c>StockReserved</c> reaches a cancelled order and triggers the compensation.
/// </summary>
public sealed partial class OrderSagaTimeoutSweeper(
    IServiceScopeFactory scopes, OrderingMetrics metrics, TimeProvider clock, IOptions<OrderSagaOptions> options, ILogger<OrderSagaTimeoutSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await CancelExpiredAsync(stoppingToken) == options.Value.SweepBatchSize)
                {
                    // A full batch: more orders may have expired.
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // A stock reply decided one of the orders meanwhile; the next sweep reads them again.
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    private async Task<int> CancelExpiredAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        var now = clock.GetUtcNow();
        var deadline = now - settings.Timeout;

        var expired = await db.Orders
            .AsSingleQuery()
            .Where(o => o.Status == OrderStatus.Pending && o.CreatedAt < deadline)
            .OrderBy(o => o.CreatedAt)
            .Take(settings.SweepBatchSize)
            .ToListAsync(cancellationToken);
        var reason = string.Create(CultureInfo.InvariantCulture, $"No stock reply within {settings.Timeout.TotalSeconds:0.#} s (saga timeout)");
        foreach (var order in expired)
        {
            order.Cancel(reason, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var order in expired)
        {
            metrics.Cancelled("timeout", now - order.CreatedAt);
        }

        if (expired.Count > 0)
        {
            LogCancelled(logger, expired.Count);
        }

        return expired.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelled {Count} orders that got no stock reply in time")]
    private static partial void LogCancelled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The saga timeout sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

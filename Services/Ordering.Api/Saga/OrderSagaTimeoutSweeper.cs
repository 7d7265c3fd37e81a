using System.Globalization;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Messaging;
using AspireMsa.Ordering.Api.Model;
using AspireMsa.ServiceDefaults.Health;
using AspireMsa.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AspireMsa.Ordering.Api.Saga;

/// <summary>
/// Cancels orders that got no stock reply within <see cref="OrderSagaOptions.Timeout"/> and announces each cancellation
/// (<c>OrderStatusChanged</c>). It asks Inventory to release nothing: if Inventory reserves for such an order later, its
/// <c>StockReserved</c> reaches a cancelled order and triggers the compensation.
/// A failing database never ends the loop: sweeps back off, and <c>/health</c> shows the sweeper as retrying.
/// </summary>
public sealed partial class OrderSagaTimeoutSweeper(
    IServiceScopeFactory scopes, OrderingMetrics metrics, BackgroundServiceHealth health, TimeProvider clock, IOptions<OrderSagaOptions> options,
    ILogger<OrderSagaTimeoutSweeper> logger)
    : BackgroundService
{
    public const string HealthName = "order-saga-timeout-sweeper";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(BackgroundServiceHealth.Backoff(options.Value.SweepInterval, failures, MaxBackoff), clock, stoppingToken);
            try
            {
                while (await CancelExpiredAsync(stoppingToken) == options.Value.SweepBatchSize)
                {
                    // A full batch: more orders may have expired.
                }

                health.Succeeded(HealthName);
                failures = 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A stock reply decided one of the orders meanwhile; the next sweep reads them again.
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures = health.Failed(HealthName, ex);
                LogSweepFailed(logger, failures, ex);
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

        var expiredIds = await db.Orders
            .Where(o => o.Status == OrderStatus.Pending && o.CreatedAt < deadline)
            .OrderBy(o => o.CreatedAt)
            .Take(settings.SweepBatchSize)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        if (expiredIds.Count == 0)
        {
            return 0;
        }

        // Work found: the cancellations form one trace, while the empty sweeps stay untraced and open no transaction.
        using var work = BackgroundWork.Start("Cancel timed-out orders", expiredIds.Count);
        var reason = string.Create(CultureInfo.InvariantCulture, $"No stock reply within {settings.Timeout.TotalSeconds:0.#} s (saga timeout)");
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        // The cancellations and their announcements commit together; a stock reply that decided one meanwhile fails the
        // save on the order's version, and the next sweep reads them again.
        var expired = await db.ExecuteInTransactionAsync(async ct =>
        {
            var orders = await db.Orders
                .AsSingleQuery()
                .Where(o => expiredIds.Contains(o.Id) && o.Status == OrderStatus.Pending)
                .ToListAsync(ct);
            foreach (var order in orders)
            {
                order.Cancel(reason, now);
                await outbox.EnqueueStatusChangedAsync(order, ct);
            }

            return orders;
        }, cancellationToken);

        foreach (var order in expired)
        {
            metrics.Cancelled("timeout", now - order.CreatedAt);
        }

        if (expired.Count > 0)
        {
            LogCancelled(logger, expired.Count);
        }

        // What was found, not what was cancelled: a full batch means more orders may have expired.
        return expiredIds.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelled {Count} orders that got no stock reply in time")]
    private static partial void LogCancelled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The saga timeout sweep failed ({Failures} in a row); it runs again after a backoff")]
    private static partial void LogSweepFailed(ILogger logger, int failures, Exception exception);
}

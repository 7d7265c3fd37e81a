using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.ServiceDefaults.Health;
using AspireMsa.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// Applies the outbox rows the requests could not: polls PostgreSQL, applies each product's current state (or its
/// tombstone) to Redis, and backs off while Redis keeps refusing. Applying is idempotent and version-guarded, so a
/// row applied twice (here and by its request, or by two catalog replicas) changes nothing the second time. Each round's
/// outcome goes to <see cref="BackgroundServiceHealth"/>, so a relay that keeps failing shows as Degraded in <c>/health</c>.
/// <para>
/// Not the event bus's <c>OutboxRelay</c> with a Redis destination, on purpose: that relay delivers each row's message
/// once, in sequence, and parks what the broker refuses; this one never sends a row's content. A row only says "this
/// product changed": the relay reads the product's current state and writes it under a version guard, so rows are
/// merged per product, order does not matter, a row is repeated rather than parked, and the request that wrote the
/// row usually applied it already (hence the grace period). Sharing a claim-and-deliver loop would mean leases,
/// sequence order and parking that this log has no use for.
/// </para>
/// </summary>
public sealed partial class ReadModelOutboxRelay(
    IServiceScopeFactory scopes,
    ProductDatabaseReader database,
    ReadModelMetrics metrics,
    BackgroundServiceHealth health,
    TimeProvider clock,
    IOptions<ReadModelOptions> options,
    ILogger<ReadModelOutboxRelay> logger) : BackgroundService
{
    public const string HealthName = "read-model-relay";

    private readonly ReadModelOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hand-written backoff: a relay round is a whole batch against two stores, not one call a Polly retry would wrap.
        var delay = _options.RelayInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, clock, stoppingToken);
            try
            {
                if (await RelayPendingAsync(stoppingToken))
                {
                    health.Succeeded(HealthName);
                    delay = _options.RelayInterval;
                }
                else
                {
                    health.Failed(HealthName, "Redis refused the pending changes");
                    delay = Backoff(delay);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The relay must outlive any failure (PostgreSQL down too): its rows wait in the database meanwhile.
                health.Failed(HealthName, exception);
                LogRoundFailed(logger, exception);
                delay = Backoff(delay);
            }
        }
    }

    /// <returns>False when Redis refused, so the next round waits longer.</returns>
    private async Task<bool> RelayPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<ReadModelWriter>();

        var recordedBefore = clock.GetUtcNow() - _options.RelayGracePeriod;
        var pending = await db.ReadModelOutbox.AsNoTracking()
            .Where(entry => entry.RecordedAt <= recordedBefore)
            .OrderBy(entry => entry.Id)
            .Take(_options.RelayBatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return true;
        }

        // Work found: its reads and writes form one trace, while the empty polls stay untraced.
        using var work = BackgroundWork.Start("Relay read-model changes", pending.Count);
        foreach (var changes in pending.GroupBy(entry => entry.ProductId))
        {
            var current = await database.GetProductAsync(changes.Key, cancellationToken);
            if (!await writer.TryApplyAsync(changes.Key, current, changes.ToList(), cancellationToken))
            {
                return false;
            }

            metrics.RecordRelayed();
        }

        return true;
    }

    private TimeSpan Backoff(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RelayMaxBackoff.Ticks));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read model relay round failed; retrying with backoff")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

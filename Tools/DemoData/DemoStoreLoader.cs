using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace AspireMsa.DemoData;

/// <summary>
/// Stocks the demo store the way an operator would, through the gateway's public APIs. Idempotent: each product is
/// looked up by its SKU first and created only when missing, and stock is counted only for products that have none yet,
/// so a second run adds nothing and leaves what orders have reserved alone. All calls of one run form one trace.
/// </summary>
public sealed partial class DemoStoreLoader(StoreApi store, IOptions<DemoDataOptions> options, ILogger<DemoStoreLoader> logger)
{
    // Under AspireMsa.*, so ServiceDefaults exports its spans with every other application source.
    private static readonly ActivitySource Source = new("AspireMsa.DemoData");

    /// <returns>Whether the store holds every demo product with its stock.</returns>
    public async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("Load demo store");
        try
        {
            await store.SignInAsync(cancellationToken);
            var created = 0;
            var stocked = 0;
            await Parallel.ForEachAsync(
                DemoCatalog.Products,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
                async (product, ct) =>
                {
                    var (id, isNew) = await EnsureProductAsync(product, ct);
                    if (isNew)
                    {
                        Interlocked.Increment(ref created);
                    }

                    if (!await store.HasStockLevelAsync(id, ct))
                    {
                        await store.SetStockLevelAsync(id, product.Stock, ct);
                        Interlocked.Increment(ref stocked);
                    }
                });

            activity?.SetTag("demo_data.products_created", created);
            activity?.SetTag("demo_data.stock_levels_set", stocked);
            LogLoaded(logger, DemoCatalog.Products.Count, created, stocked);
            return true;
        }
        catch (Exception exception)
        {
            // Whatever stopped the load (a refused sign-in, a call that failed after its retries, a stop) ends the run
            // as failed in the dashboard, with the reason in this log and on the trace.
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogFailed(logger, exception);
            return false;
        }
    }

    private async Task<(Guid Id, bool IsNew)> EnsureProductAsync(DemoProduct product, CancellationToken cancellationToken)
    {
        if (await store.FindProductAsync(product.Sku, cancellationToken) is { } existing)
        {
            return (existing.Id, false);
        }

        if (await store.CreateProductAsync(product, cancellationToken) is { } created)
        {
            return (created.Id, true);
        }

        // Another run (a restart that overlapped) created it between the lookup and the create.
        var winner = await store.FindProductAsync(product.Sku, cancellationToken)
            ?? throw new InvalidOperationException($"The catalog refused {product.Sku} as taken, yet has no product with it.");
        return (winner.Id, false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo store ready: {Products} products, {Created} of them created now; stock counted for {Stocked}")]
    private static partial void LogLoaded(ILogger logger, int products, int created, int stocked);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the demo store")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

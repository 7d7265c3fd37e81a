using Hangfire;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// <c>daily-sales</c>: one UTC day's landed events into the lake, then the warehouse rebuilt from the lake, then one mart
/// per grant compiled from the warehouse, each step a Hangfire job of its own that starts when the one before succeeded (a
/// continuation) and retries on its own.
/// </summary>
public static class DailySalesWorkflow
{
    public const string Name = "daily-sales";
    public const string ExtractStep = "extract";
    public const string WarehouseStep = "warehouse";
    public const string MartsStep = "marts";

    /// <summary>The steps in order, each with a row in the run history from the start.</summary>
    public static readonly IReadOnlyList<string> Steps = [ExtractStep, WarehouseStep, MartsStep];

    public static void Enqueue(IBackgroundJobClient jobs, Guid runId)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var extract = jobs.Enqueue<DailySalesSteps>(steps => steps.ExtractAsync(runId, CancellationToken.None));
        var warehouse = jobs.ContinueJobWith<DailySalesSteps>(extract, steps => steps.BuildWarehouseAsync(runId, CancellationToken.None));
        jobs.ContinueJobWith<DailySalesSteps>(warehouse, steps => steps.BuildMartsAsync(runId, CancellationToken.None));
    }
}

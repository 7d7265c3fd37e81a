using Hangfire;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// <c>daily-sales</c>: one UTC day's landed events into the lake, then the warehouse rebuilt from the lake, each step a
/// Hangfire job of its own that starts when the one before succeeded (a continuation) and retries on its own.
/// </summary>
public static class DailySalesWorkflow
{
    public const string Name = "daily-sales";
    public const string ExtractStep = "extract";
    public const string WarehouseStep = "warehouse";

    /// <summary>The steps in order, each with a row in the run history from the start.</summary>
    public static readonly IReadOnlyList<string> Steps = [ExtractStep, WarehouseStep];

    public static void Enqueue(IBackgroundJobClient jobs, Guid runId)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var extract = jobs.Enqueue<DailySalesSteps>(steps => steps.ExtractAsync(runId, CancellationToken.None));
        jobs.ContinueJobWith<DailySalesSteps>(extract, steps => steps.BuildWarehouseAsync(runId, CancellationToken.None));
        // Per-grant marts (issue 13, the grants slice) continue from the warehouse step here, as a third entry of Steps.
    }
}

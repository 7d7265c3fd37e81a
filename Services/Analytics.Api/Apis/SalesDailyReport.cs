namespace AspireMsa.Analytics.Api.Apis;

/// <summary>The days of the range that had orders, from the warehouse that the run <paramref name="BuiltByRun"/> built.</summary>
public sealed record SalesDailyReport(
    DateOnly From, DateOnly To, Guid BuiltByRun, DateTimeOffset BuiltAt, IReadOnlyList<SalesDayResponse> Days);

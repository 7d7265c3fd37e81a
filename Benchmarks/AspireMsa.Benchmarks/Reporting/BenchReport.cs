namespace AspireMsa.Benchmarks.Reporting;

/// <summary>Everything one run of the suite measured, as written to bench/results/latest.json.</summary>
public sealed record BenchReport(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Mode,
    string Configuration,
    string Environment,
    MachineInfo Machine,
    MachineLoad Load,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<string> Notes);

namespace AspireMsa.Benchmarks.Reporting;

/// <summary>
/// The 1-minute load average before eng/bench.sh built the suite (when it passed it), before the system started, and
/// the most it reached during the run. Above about 1.5 before the build, something else was using this machine's cores
/// and the figures are lower than they could be.
/// </summary>
public sealed record MachineLoad(double? BeforeBuild, double BeforeStart, double MaxDuringRun, bool OtherwiseIdle);

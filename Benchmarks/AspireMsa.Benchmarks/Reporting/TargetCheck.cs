namespace AspireMsa.Benchmarks.Reporting;

/// <summary>One of the project's performance targets, the figure measured for it and whether it was met.</summary>
public sealed record TargetCheck(string Target, string Measured, bool Met);

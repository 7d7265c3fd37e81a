namespace AspireMsa.Benchmarks.Harness;

public sealed record ResourceHealthy(string Name, TimeSpan After);

namespace AspireMsa.Benchmarks.Harness;

/// <summary>From the AppHost's start (the build already done) to every resource healthy, and when each became healthy.</summary>
public sealed record ColdStart(TimeSpan AllHealthy, IReadOnlyList<ResourceHealthy> Resources);

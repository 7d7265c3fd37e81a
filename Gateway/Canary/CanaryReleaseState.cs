namespace AspireMsa.Gateway.Canary;

public sealed record CanaryReleaseState(string Release, string StableVersion, string CanaryVersion, int StableWeight, int CanaryWeight);

namespace AspireMsa.Storefront.Admin;

/// <summary>A canary release as the gateway's admin API shows it: both versions and how weighted traffic is split.</summary>
public sealed record CanaryRelease(string Release, string StableVersion, string CanaryVersion, int StableWeight, int CanaryWeight);

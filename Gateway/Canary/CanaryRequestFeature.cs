namespace AspireMsa.Gateway.Canary;

/// <summary>Which release a proxied request belongs to, and whether its version may change if that version fails.</summary>
public sealed record CanaryRequestFeature(string ReleaseName, CanaryReleaseOptions Release, bool ChosenByWeight)
{
    public string VersionOf(string clusterId) => clusterId == Release.CanaryCluster ? Release.CanaryVersion : Release.StableVersion;

    public string OtherCluster(string clusterId) => clusterId == Release.CanaryCluster ? Release.StableCluster : Release.CanaryCluster;
}

namespace AspireMsa.Gateway.Canary;

/// <summary>Which release a proxied request belongs to, and whether its version may change if that version fails.</summary>
/// <param name="MayFailOver">Chosen by weight, and the other version takes weighted traffic too: a pin never moves, and
/// nothing moves onto a version at weight 0.</param>
public sealed record CanaryRequestFeature(string ReleaseName, CanaryReleaseOptions Release, bool MayFailOver)
{
    public string VersionOf(string clusterId) => clusterId == Release.CanaryCluster ? Release.CanaryVersion : Release.StableVersion;

    public string OtherCluster(string clusterId) => clusterId == Release.CanaryCluster ? Release.StableCluster : Release.CanaryCluster;
}

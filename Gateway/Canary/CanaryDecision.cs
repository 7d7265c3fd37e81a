using Yarp.ReverseProxy.Model;

namespace AspireMsa.Gateway.Canary;

/// <summary>The version one request of a release goes to, made once per request by <see cref="CanaryRouter"/>.</summary>
/// <param name="Target">The chosen version's cluster, or the other version's when the chosen one has no healthy destination.</param>
/// <param name="ChosenByWeight">False for a pin, whose outcomes say nothing about the canary's weighted traffic.</param>
public sealed record CanaryDecision(CanaryRequestFeature Request, ClusterState Target, bool ChosenByWeight);

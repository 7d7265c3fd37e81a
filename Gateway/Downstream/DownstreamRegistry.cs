using AspireMsa.Gateway.Canary;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Downstream;

/// <summary>Answers which service takes an API's calls when nothing else chose a version.</summary>
public sealed class DownstreamRegistry(IOptions<DownstreamOptions> options, IOptions<CanaryOptions> canary)
{
    public DownstreamOptions Options => options.Value;

    /// <summary>The API's only service or, for an API in a canary release, its stable version's service.</summary>
    public string ServiceFor(string api) =>
        DeployedServiceFor(api) ?? throw new InvalidOperationException($"No service of the API '{api}' is in Downstream:Services.");

    /// <summary>As <see cref="ServiceFor"/>, or none when no service of the API is deployed (a capability switched off).</summary>
    public string? DeployedServiceFor(string api) =>
        canary.Value.Releases.TryGetValue(api, out var release) ? release.StableCluster
        : options.Value.ServicesOf(api) is [var only] ? only
        : options.Value.ServicesOf(api) is [] ? null
        : throw new InvalidOperationException(
            $"The API '{api}' has {options.Value.ServicesOf(api).Length} services in Downstream:Services; it needs one, or a Canary:Releases:{api} to choose between versions.");

    /// <summary>Whether every API has one service to call by default; checked at start.</summary>
    public static bool EveryApiHasADefault(DownstreamOptions downstream, CanaryOptions canary) =>
        downstream.Apis().All(api => downstream.ServicesOf(api).Length == 1 || canary.Releases.ContainsKey(api));
}

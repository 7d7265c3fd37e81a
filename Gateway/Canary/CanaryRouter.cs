using System.Globalization;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Chooses a request's version of a release (<see cref="CanaryChoice"/>: pin, user, cookie, weight, then failover to a
/// healthy version) and counts what that version answered. The proxy and the BFF both ask it, so a caller sees the same
/// version whichever way a page reads the API; the choice is made once per request and remembered on it.
/// </summary>
public sealed class CanaryRouter(
    IOptions<CanaryOptions> options, CanaryWeights weights, IProxyStateLookup proxyState, CanaryRollbackMonitor rollback, CanaryMetrics metrics)
{
    public const string PinHeader = "X-Canary";
    public const string CookiePrefix = "aspiremsa-canary-";

    /// <returns>Null when the gateway runs no release of that name.</returns>
    public CanaryDecision? Decide(HttpContext context, string releaseName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = $"{CookiePrefix}{releaseName}";
        if (context.Items.TryGetValue(key, out var made) && made is CanaryDecision decided)
        {
            return decided;
        }

        if (!options.Value.Releases.TryGetValue(releaseName, out var release))
        {
            return null;
        }

        var canaryWeight = weights.Get(releaseName);
        var choice = CanaryChoice.Choose(
            context.Request.Headers[PinHeader], CanaryChoice.PinTrustOf(context.User.FindAll("role").Select(role => role.Value)), release,
            canaryWeight, context.User.FindFirst("sub")?.Value, context.Request.Cookies[key],
            () => Random.Shared.Next(CanaryBuckets.Count), releaseName);
        if (choice.NewBucket is { } bucket)
        {
            RememberBucket(context.Response, key, bucket);
        }

        var mayFailOver = choice.ChosenByWeight && CanaryChoice.WeightOf(!choice.ToCanary, canaryWeight) > 0;
        var target = Cluster(choice.ToCanary ? release.CanaryCluster : release.StableCluster);
        // A version chosen by weight that has no healthy destination yields to the other one if that one takes traffic too.
        if (mayFailOver && !ClusterHealth.HasHealthyDestination(target))
        {
            var other = Cluster(choice.ToCanary ? release.StableCluster : release.CanaryCluster);
            target = ClusterHealth.HasHealthyDestination(other) ? other : target;
        }

        var decision = new CanaryDecision(new CanaryRequestFeature(releaseName, release, mayFailOver), target, choice.ChosenByWeight);
        context.Items[key] = decision;
        return decision;
    }

    /// <param name="servedBy">The cluster that finally answered: a retry may have moved the request to the other version.</param>
    public void RecordOutcome(CanaryDecision decision, string servedBy, bool isError, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var request = decision.Request;
        metrics.RecordRequest(request.ReleaseName, request.VersionOf(servedBy), isError, duration);
        // A pinned request (a tester probing the canary) says nothing about the canary's weighted traffic.
        if (servedBy == request.Release.CanaryCluster && decision.ChosenByWeight)
        {
            rollback.Record(request.ReleaseName, isError);
        }
    }

    private ClusterState Cluster(string clusterId) =>
        proxyState.TryGetCluster(clusterId, out var cluster)
            ? cluster
            : throw new InvalidOperationException($"The canary release names the cluster '{clusterId}', which the downstream registry does not list.");

    /// <summary>Set when the response starts, so the proxied response's own headers cannot replace it.</summary>
    private static void RememberBucket(HttpResponse response, string cookieName, int bucket) =>
        response.OnStarting(() =>
        {
            response.Cookies.Append(cookieName, bucket.ToString(CultureInfo.InvariantCulture), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = TimeSpan.FromDays(30),
                IsEssential = true,
            });
            return Task.CompletedTask;
        });
}

using System.Globalization;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// A step of YARP's proxy pipeline (YARP has no weighted routing of its own, dotnet/yarp#126): for a route that names a
/// release in its <c>Metadata:Canary</c>, it chooses the version (<see cref="CanaryChoice"/>), moves the request to that
/// version's cluster with <c>ReassignProxyRequest</c>, and counts the outcome per version.
/// </summary>
public sealed class CanaryRoutingMiddleware(
    RequestDelegate next,
    IOptions<CanaryOptions> options,
    CanaryWeights weights,
    IProxyStateLookup proxyState,
    CanaryRollbackMonitor rollback,
    CanaryMetrics metrics,
    TimeProvider clock)
{
    public const string RouteMetadataKey = "Canary";
    public const string PinHeader = "X-Canary";
    public const string CookiePrefix = "aspiremsa-canary-";

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        if (proxy.Route.Config.Metadata?.GetValueOrDefault(RouteMetadataKey) is not { } releaseName
            || !options.Value.Releases.TryGetValue(releaseName, out var release))
        {
            await next(context);
            return;
        }

        var cookieName = CookiePrefix + releaseName;
        var canaryWeight = weights.Get(releaseName);
        var choice = CanaryChoice.Choose(
            context.Request.Headers[PinHeader], CanaryChoice.PinTrustOf(context.User.FindAll("role").Select(role => role.Value)), release,
            canaryWeight, context.User.FindFirst("sub")?.Value, context.Request.Cookies[cookieName],
            () => Random.Shared.Next(CanaryBuckets.Count), releaseName);
        if (choice.NewBucket is { } bucket)
        {
            RememberBucket(context.Response, cookieName, bucket);
        }

        var mayFailOver = choice.ChosenByWeight && CanaryChoice.WeightOf(!choice.ToCanary, canaryWeight) > 0;
        var target = Cluster(choice.ToCanary ? release.CanaryCluster : release.StableCluster);
        // A version chosen by weight that has no healthy destination yields to the other one if that one takes traffic too.
        if (mayFailOver && !ClusterHealth.HasHealthyDestination(target))
        {
            var other = Cluster(choice.ToCanary ? release.StableCluster : release.CanaryCluster);
            target = ClusterHealth.HasHealthyDestination(other) ? other : target;
        }

        if (!ReferenceEquals(target, proxy.Cluster))
        {
            context.ReassignProxyRequest(target);
        }

        var feature = new CanaryRequestFeature(releaseName, release, mayFailOver);
        context.Features.Set(feature);
        var started = clock.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The cluster that finally answered: a retry may have moved the request to the other version.
            var servedBy = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            var isError = context.Response.StatusCode >= StatusCodes.Status500InternalServerError
                || context.Features.Get<IForwarderErrorFeature>() is not null;
            metrics.RecordRequest(releaseName, feature.VersionOf(servedBy), isError, clock.GetElapsedTime(started));
            // A pinned request (a tester probing the canary) says nothing about the canary's weighted traffic.
            if (servedBy == release.CanaryCluster && choice.ChosenByWeight)
            {
                rollback.Record(releaseName, isError);
            }
        }
    }

    private ClusterState Cluster(string clusterId) =>
        proxyState.TryGetCluster(clusterId, out var cluster)
            ? cluster
            : throw new InvalidOperationException($"Canary configuration names the cluster '{clusterId}', which ReverseProxy:Clusters does not define.");

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

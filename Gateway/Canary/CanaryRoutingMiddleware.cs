using Yarp.ReverseProxy.Forwarder;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// A step of YARP's proxy pipeline (YARP has no weighted routing of its own, dotnet/yarp#126): for a route that names a
/// release in its <c>Metadata:Canary</c>, it asks <see cref="CanaryRouter"/> for the version, moves the request to that
/// version's cluster with <c>ReassignProxyRequest</c>, and counts the outcome per version.
/// </summary>
public sealed class CanaryRoutingMiddleware(RequestDelegate next, CanaryRouter router, TimeProvider clock)
{
    public const string RouteMetadataKey = "Canary";

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        if (proxy.Route.Config.Metadata?.GetValueOrDefault(RouteMetadataKey) is not { } releaseName
            || router.Decide(context, releaseName) is not { } decision)
        {
            await next(context);
            return;
        }

        if (!ReferenceEquals(decision.Target, proxy.Cluster))
        {
            context.ReassignProxyRequest(decision.Target);
        }

        context.Features.Set(decision.Request);
        var started = clock.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var isError = context.Response.StatusCode >= StatusCodes.Status500InternalServerError
                || context.Features.Get<IForwarderErrorFeature>() is not null;
            router.RecordOutcome(decision, context.GetReverseProxyFeature().Cluster.Config.ClusterId, isError, clock.GetElapsedTime(started));
        }
    }
}

using System.Diagnostics.Metrics;
using AspireMsa.Gateway.Canary;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;

namespace AspireMsa.Gateway.Resilience;

/// <summary>
/// A step of YARP's proxy pipeline that retries a request whose destination could not be reached (connection refused or
/// reset before any answer) or did not answer within the cluster's per-try timeout (<c>HttpRequest:ActivityTimeout</c>,
/// Envoy's per_try_timeout), on another destination of the cluster or, for a canary routed by weight, on the other
/// version. Only GET, HEAD and OPTIONS without a body are retried, so nothing is ever done twice, and only within the
/// <see cref="RetryBudget"/>. YARP has no retries of its own (dotnet/yarp#56); this follows the shape its maintainers suggest.
/// </summary>
public sealed partial class IdempotentRetryMiddleware(
    RequestDelegate next, RetryBudget budget, IOptions<GatewayRetryOptions> options, IProxyStateLookup proxyState,
    IMeterFactory meterFactory, ILogger<IdempotentRetryMiddleware> logger)
{
    private readonly Counter<long> _retries = meterFactory.Create("AspireMsa.Gateway.Resilience")
        .CreateCounter<long>("aspiremsa.gateway.retries", "{retry}", "Proxied requests retried, or refused a retry by the budget.");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsReplayable(context.Request))
        {
            await next(context);
            return;
        }

        budget.RecordRequest();
        await next(context);
        for (var retry = 1; retry <= options.Value.MaxRetries && IsUnreachedDestination(context); retry++)
        {
            if (!budget.TryWithdraw())
            {
                _retries.Add(1, new KeyValuePair<string, object?>("outcome", "budget_exhausted"));
                LogBudgetExhausted(logger, context.Request.Path);
                return;
            }

            if (!PrepareRetry(context))
            {
                return;
            }

            _retries.Add(1, new KeyValuePair<string, object?>("outcome", "retried"));
            LogRetrying(logger, context.Request.Method, context.Request.Path, retry);
            await next(context);
        }
    }

    private static bool IsReplayable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && request.ContentLength is null or 0
        && !request.Headers.ContainsKey(HeaderNames.TransferEncoding);

    /// <summary>
    /// Failed before the destination answered anything. Once the route's own timeout has fired (or the client left), the
    /// request is aborted and not retried.
    /// </summary>
    private static bool IsUnreachedDestination(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request or ForwarderError.RequestTimedOut }
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested;

    private bool PrepareRetry(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var failed = proxy.ProxiedDestination;
        var others = proxy.AvailableDestinations.Where(destination => !ReferenceEquals(destination, failed)).ToArray();
        if (others.Length > 0)
        {
            proxy.AvailableDestinations = others;
            proxy.ProxiedDestination = null;
        }
        else if (context.Features.Get<CanaryRequestFeature>() is { MayFailOver: true } canary
            && proxyState.TryGetCluster(canary.OtherCluster(proxy.Cluster.Config.ClusterId), out var otherVersion)
            && ClusterHealth.HasHealthyDestination(otherVersion))
        {
            context.ReassignProxyRequest(otherVersion);
        }
        else
        {
            return false;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Method} {Path} (retry {Retry}): its destination could not be reached")]
    private static partial void LogRetrying(ILogger logger, string method, PathString path, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not retrying {Path}: the retry budget is spent")]
    private static partial void LogBudgetExhausted(ILogger logger, PathString path);
}

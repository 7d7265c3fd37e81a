using Microsoft.AspNetCore.Http.Timeouts;

namespace AspireMsa.Gateway.Resilience;

/// <summary>
/// The first step of the proxy pipeline: when a route's timeout (<c>ReverseProxy:Routes:*:Timeout</c>) cancels the
/// proxied call, YARP cannot tell it from a client that went away and answers 400; the caller is owed 504 Gateway Timeout.
/// </summary>
public sealed class RouteTimeoutMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IHttpRequestTimeoutFeature>() is { RequestTimeoutToken.IsCancellationRequested: true } && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
    }
}

using Microsoft.AspNetCore.Http.Features;

namespace AspireMsa.Gateway.Middleware;

/// <summary>
/// Refuses a declared body above Kestrel's limit with 413 before proxying. Left to the proxy, the limit would only trip
/// while the body streams upstream, and the client would see a generic 400 instead of "too large".
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            // No body: UseStatusCodePages writes the problem details.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}

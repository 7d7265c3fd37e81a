using AspireMsa.ServiceDefaults.Correlation;
using Microsoft.Net.Http.Headers;

namespace AspireMsa.Gateway.Bff;

/// <summary>
/// Sends the caller's bearer token and correlation id on with every downstream call, so each service authorizes the
/// user itself and the whole composition shares one correlation id in the logs.
/// </summary>
public sealed class CallerHeadersHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    private static readonly string[] ForwardedHeaders = [HeaderNames.Authorization, CorrelationIdMiddleware.HeaderName];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var incoming = accessor.HttpContext?.Request.Headers;
        foreach (var name in ForwardedHeaders)
        {
            if (incoming is not null && incoming.TryGetValue(name, out var values) && !request.Headers.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}

using Microsoft.Net.Http.Headers;

namespace AspireMsa.Gateway.Middleware;

/// <summary>
/// Security response headers on everything the gateway answers, proxied or not. A handful of fixed headers does not
/// justify a package; the API docs UI gets a policy that lets its own scripts run, and a proxied application that sets
/// its own content security policy (the storefront) keeps it: it knows what its pages load.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string DocsPath = "/docs";
    public const string HubPath = "/hub";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(DocsPath)
                    ? "default-src 'self' 'unsafe-inline' https: data:; frame-ancestors 'none'"
                    // The hub page loads its own script and styles and calls this gateway only.
                    : context.Request.Path.StartsWithSegments(HubPath)
                        ? "default-src 'self'; frame-ancestors 'none'"
                        : "default-src 'none'; frame-ancestors 'none'";
            }
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        });
        return next(context);
    }
}

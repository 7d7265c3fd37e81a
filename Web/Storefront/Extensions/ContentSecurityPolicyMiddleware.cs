namespace AspireMsa.Storefront.Extensions;

/// <summary>
/// The store's own content security policy: its pages load only its own styles and scripts and post forms only to
/// itself. The gateway keeps a policy a proxied application sets, and gives everything else its own "nothing" policy.
/// </summary>
public sealed class ContentSecurityPolicyMiddleware(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using System.Globalization;

namespace AspireMsa.Storefront.Extensions;

/// <summary>
/// In Development, says which storefront replica rendered a page (<c>X-Storefront-Instance</c>), so people and tests can
/// see a session move between replicas. Never in production: it would tell an attacker about the topology.
/// </summary>
public sealed class StorefrontInstanceHeaderMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Storefront-Instance";

    public static readonly string Instance = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = Instance;
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using System.Globalization;

namespace AspireMsa.Gateway.Middleware;

/// <summary>
/// In Development, says which gateway replica answered (<c>X-Gateway-Instance</c>), so people and tests can see the
/// load spread over replicas. Never in production: it would tell an attacker about the topology.
/// </summary>
public sealed class GatewayInstanceHeaderMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Gateway-Instance";

    private static readonly string Instance = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

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

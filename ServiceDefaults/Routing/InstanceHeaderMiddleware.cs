using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AspireMsa.ServiceDefaults.Routing;

/// <summary>
/// Says which replica answered, in a header the caller names (<c>X-Gateway-Instance</c>, <c>X-Storefront-Instance</c>),
/// so people and tests can see load spread over replicas and a session move between them. Development only: in
/// production it would tell an attacker about the topology.
/// </summary>
public sealed class InstanceHeaderMiddleware(RequestDelegate next, string headerName)
{
    /// <summary>The machine and process id: the id shows which of a host's replicas answered.</summary>
    public static readonly string Instance = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[headerName] = Instance;
            return Task.CompletedTask;
        });
        return next(context);
    }
}

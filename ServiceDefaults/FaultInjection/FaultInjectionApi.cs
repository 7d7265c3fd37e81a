using AspireMsa.ServiceDefaults.FaultInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Fault injection lets a demo or a test make one process slow or failing on purpose (what Istio's VirtualService
/// <c>fault</c> does in a mesh), to watch the gateway's timeouts, health checks, retries and canary rollback react.
/// Off unless <c>FaultInjection:Enabled</c> is true; the AppHost turns it on in Development only.
/// </summary>
public static class FaultInjectionApi
{
    public const string EnabledKey = "FaultInjection:Enabled";
    private const string FaultsSegment = "/faults";

    /// <summary>
    /// <c>GET|PUT|DELETE {adminPrefix}/faults</c> for admins, mapped only where fault injection is enabled, so a production
    /// process has no such endpoint at all.
    /// </summary>
    public static IEndpointRouteBuilder MapFaultInjectionApi(this IEndpointRouteBuilder app, string adminPrefix, string adminRole)
    {
        if (!IsEnabled(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return app;
        }

        var api = app.MapGroup(adminPrefix + FaultsSegment).WithTags("Fault injection")
            .RequireAuthorization(policy => policy.RequireRole(adminRole));
        api.MapGet("/", (FaultInjectionState state) => TypedResults.Ok(state.Current)).WithName("GetInjectedFault");
        api.MapPut("/", SetFault).WithName("InjectFault").ProducesValidationProblem();
        api.MapDelete("/", (FaultInjectionState state) =>
        {
            state.Set(InjectedFault.None);
            return TypedResults.NoContent();
        }).WithName("ClearInjectedFault");
        return app;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>(EnabledKey);

    internal static bool IsFaultsPath(PathString path) => path.Value?.EndsWith(FaultsSegment, StringComparison.OrdinalIgnoreCase) == true;

    private static Results<Ok<InjectedFault>, ValidationProblem> SetFault(InjectedFault fault, FaultInjectionState state)
    {
        var errors = new Dictionary<string, string[]>();
        if (fault.DelayMilliseconds is < 0 or > 120_000)
        {
            errors[nameof(InjectedFault.DelayMilliseconds)] = ["Must be between 0 and 120000."];
        }

        if (fault.ErrorRate is < 0 or > 1 || double.IsNaN(fault.ErrorRate))
        {
            errors[nameof(InjectedFault.ErrorRate)] = ["Must be between 0 and 1."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        state.Set(fault);
        return TypedResults.Ok(fault);
    }
}

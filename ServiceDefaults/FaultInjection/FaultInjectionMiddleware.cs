using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AspireMsa.ServiceDefaults.FaultInjection;

/// <summary>
/// Applies the injected fault to API requests. Health probes are spared on purpose: the interesting failure is a process
/// that looks alive to its orchestrator while its answers are slow or wrong, which only the caller's own defences catch.
/// </summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjectionState state, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var fault = state.Current;
        if (fault == InjectedFault.None || !context.Request.Path.StartsWithSegments("/api") || FaultInjectionApi.IsFaultsPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (fault.DelayMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMilliseconds), clock, context.RequestAborted);
        }

        if (fault.ErrorRate > 0 && Random.Shared.NextDouble() < fault.ErrorRate)
        {
            await TypedResults.Problem(
                "This process was told to fail a share of its requests (fault injection).",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Injected fault").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}

using AspireMsa.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMsa.ServiceDefaults.Management;

internal static class ManagementEndpointExtensions
{
    /// <summary>
    /// Serves <c>/metrics</c>, the detailed <c>/health</c> and <c>/alive</c> on the management port only, and nothing else
    /// there. The branch is chosen by the port the connection arrived on, not by the Host header, which a client on the
    /// public port controls.
    /// </summary>
    public static WebApplication UseManagementEndpoint(this WebApplication app, Func<HealthCheckRegistration, bool> isLiveCheck)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.Port is not int port)
        {
            return app;
        }

        app.MapWhen(context => context.Connection.LocalPort == port, management =>
        {
            // Scrapes and probes every few seconds are not traffic: keep them out of the http metrics they serve.
            management.Use((context, next) =>
            {
                if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
                {
                    metrics.MetricsDisabled = true;
                }

                return next(context);
            });
            management.UseHealthChecks(HealthEndpoints.HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteDetailedAsync });
            management.UseHealthChecks(HealthEndpoints.AlivenessPath, new HealthCheckOptions { Predicate = isLiveCheck });
            management.UseOpenTelemetryPrometheusScrapingEndpoint(HealthEndpoints.MetricsPath);
            management.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }
}

using AspireMsa.ServiceDefaults.Capabilities;
using AspireMsa.ServiceDefaults.Correlation;
using AspireMsa.ServiceDefaults.FaultInjection;
using AspireMsa.ServiceDefaults.Health;
using AspireMsa.ServiceDefaults.Management;
using AspireMsa.ServiceDefaults.Resilience;
using AspireMsa.ServiceDefaults.Routing;
using AspireMsa.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Polly.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one place for cross-cutting concerns: telemetry, health, discovery, resilience and problem details.
/// Every process calls <see cref="AddServiceDefaults{TBuilder}"/>, <see cref="UseServiceDefaults"/> and
/// <see cref="MapDefaultEndpoints"/> and repeats none of it.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Activity sources and meters our own code emits; services add theirs through these names.</summary>
    private static readonly string[] ApplicationSources = ["AspireMsa.*"];

    /// <summary>Polly's resilience events (a breaker opening, closing or probing; retries) for every named pipeline.</summary>
    private const string PollyMeter = "Polly";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddProblemDetails();
        builder.Services.AddDefaultOpenApi();
        // Malformed requests answer 400 problem details naming the field and the reason, in every environment.
        builder.Services.AddBadRequestProblems();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FaultInjectionState>();
        builder.Services.AddServiceDiscovery();
        builder.Services.Configure<TelemetryOptions>(ResilienceLogLevels.Apply);
        var resilienceOverrides = builder.Configuration.GetSection(HttpClientResilienceDefaults.SectionName);
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            var resilience = http.AddStandardResilienceHandler().Configure(HttpClientResilienceDefaults.Apply);
            if (resilienceOverrides.Exists())
            {
                resilience.Configure(resilienceOverrides);
            }

            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ApplicationSources)
                .AddMeter(PollyMeter)
                // Scraped by Prometheus from every replica, beside the push to the dashboard below.
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                // Upkeep (health checks, probes, polls that found nothing) starts no trace: docs/telemetry.md.
                .SetSampler(new ParentBasedSampler(new UpkeepSampler()))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ApplicationSources)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes and scrapes every few seconds would drown the traces people come to read.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpoints.HealthPath)
                        && !context.Request.Path.StartsWithSegments(HealthEndpoints.AlivenessPath)
                        && !context.Request.Path.StartsWithSegments(HealthEndpoints.MetricsPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag])
            .AddCheck<BackgroundServiceHealthCheck>(BackgroundServiceHealthCheck.Name);
        builder.Services.TryAddSingleton<BackgroundServiceHealth>();
        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Every check runs every few seconds in the background too; its result becomes a metric for alerting, and a change
        // of status one log line in place of the health check service's Error on every failing run.
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthCheckMetricsPublisher>();
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthTransitionLogger>();
        builder.Logging.AddFilter(HealthTransitionLogger.HealthCheckServiceCategory, LogLevel.Critical);
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(2);
            options.Period = TimeSpan.FromSeconds(5);
        });
        return builder;
    }

    /// <summary>
    /// The middleware every process runs, in this order, before its own: the management port's branch (it serves its
    /// few endpoints and none of the application's pipeline), the correlation id, <c>X-Served-By</c>, fault injection
    /// where enabled, and problem details for exceptions and bare status codes. Call it right after <c>Build()</c>.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseManagementEndpoint(check => check.Tags.Contains(HealthEndpoints.LiveTag));
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<ServedByHeaderMiddleware>();
        if (FaultInjectionApi.IsEnabled(app.Configuration))
        {
            app.UseMiddleware<FaultInjectionMiddleware>();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every registered check, dependencies included; the overall status only) and
    /// <c>/alive</c> (liveness: the process answers) on the public port. The management port's detailed <c>/health</c>
    /// and <c>/metrics</c> (Prometheus) come with <see cref="UseServiceDefaults"/>. Both in every environment: operators
    /// need them in production too. A service that describes itself (<c>AddCapability</c>) also serves its manifest.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<CapabilityManifests>() is not null)
        {
            app.MapCapabilityManifest();
        }

        app.MapHealthChecks(HealthEndpoints.HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteSummaryAsync })
            .DisableHttpMetrics()
            .AllowAnonymous();
        app.MapHealthChecks(HealthEndpoints.AlivenessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthEndpoints.LiveTag) })
            .DisableHttpMetrics()
            .AllowAnonymous();
        return app;
    }
}

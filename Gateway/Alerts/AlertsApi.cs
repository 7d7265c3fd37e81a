using AspireMsa.Gateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace AspireMsa.Gateway.Alerts;

/// <summary>
/// Alertmanager's webhook receiver and the admins' view of what it received. Each alert is logged too (firing at Error),
/// so it shows in the dashboard's structured logs next to the traces of the failure.
/// </summary>
public static partial class AlertsApi
{
    public const string RoutePrefix = "/api/alerts";
    public const string WebhookPolicy = "alert-webhook";

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Alerts");
        api.MapGet("", ListAlerts).WithName("ListAlerts")
            .RequireAuthorization(GatewayPolicies.GatewayAdmin)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        // Alertmanager is not a user: it is exempt from the per-client limits, and anything but its secret is refused.
        api.MapPost("/webhook", ReceiveAsync).WithName("ReceiveAlerts")
            .RequireAuthorization(WebhookPolicy)
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return api;
    }

    public static async Task<Results<Ok<StoredAlert[]>, ProblemHttpResult>> ListAlerts(AlertStore store, string? status = null)
    {
        try
        {
            var alerts = await store.ListAsync();
            return TypedResults.Ok(status is null ? alerts : [.. alerts.Where(a => string.Equals(a.Status, status, StringComparison.OrdinalIgnoreCase))]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return Unavailable();
        }
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        AlertmanagerNotification notification, AlertStore store, TimeProvider clock, ILoggerFactory loggers)
    {
        if (notification.Alerts is not { } alerts || alerts.Any(alert => string.IsNullOrEmpty(alert.Fingerprint)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(AlertmanagerNotification.Alerts)] = ["Each alert needs a fingerprint."],
            });
        }

        var receivedAt = clock.GetUtcNow();
        var stored = alerts.Select(alert => ToStored(alert, receivedAt)).ToList();
        var logger = loggers.CreateLogger(typeof(AlertsApi));
        foreach (var alert in stored)
        {
            // A replica's alert names its instance; one aggregated over a service names the service (job).
            var source = alert.Labels.GetValueOrDefault("instance") ?? alert.Labels.GetValueOrDefault("job") ?? "the system";
            if (alert.Status == "firing")
            {
                LogFiring(logger, alert.Name, alert.Severity, source, alert.Summary, alert.Fingerprint);
            }
            else
            {
                LogResolved(logger, alert.Name, source, alert.Summary, alert.Fingerprint);
            }
        }

        try
        {
            await store.SaveAsync(stored);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Alertmanager retries a failed delivery, so nothing is lost while Redis is away.
            return Unavailable();
        }

        return TypedResults.NoContent();
    }

    private static StoredAlert ToStored(AlertmanagerAlert alert, DateTimeOffset receivedAt)
    {
        var labels = alert.Labels ?? new Dictionary<string, string>();
        var annotations = alert.Annotations ?? new Dictionary<string, string>();
        return new StoredAlert(
            alert.Fingerprint!,
            labels.GetValueOrDefault("alertname") ?? "(unnamed)",
            alert.Status ?? "firing",
            labels.GetValueOrDefault("severity"),
            annotations.GetValueOrDefault("summary"),
            labels,
            annotations,
            alert.StartsAt,
            // Alertmanager sends the zero time while an alert has not ended.
            alert.EndsAt.Year > 1 ? alert.EndsAt : null,
            receivedAt);
    }

    private static ProblemHttpResult Unavailable() => TypedResults.Problem(new ProblemDetails
    {
        Title = "Alerts are unavailable",
        Detail = "Alerts are kept in Redis so that every gateway replica lists the same ones, and Redis cannot be reached.",
        Status = StatusCodes.Status503ServiceUnavailable,
    });

    [LoggerMessage(Level = LogLevel.Error, Message = "ALERT {AlertName} firing ({Severity}) on {Source}: {Summary} [{Fingerprint}]")]
    private static partial void LogFiring(ILogger logger, string alertName, string? severity, string source, string? summary, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "ALERT {AlertName} resolved on {Source}: {Summary} [{Fingerprint}]")]
    private static partial void LogResolved(ILogger logger, string alertName, string source, string? summary, string fingerprint);
}

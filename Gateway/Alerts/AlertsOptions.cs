using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Alerts;

/// <summary>The alert webhook's settings, bound from the <c>Alerts</c> section.</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>
    /// The bearer secret Alertmanager sends (the AppHost generates it per run). Left empty, every webhook call is refused:
    /// a gateway with no secret configured receives no alerts rather than anyone's.
    /// </summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>How long the alert list is kept after the last notification of any alert.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

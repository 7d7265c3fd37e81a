using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireMsa.AppHost.Monitoring;

/// <summary>
/// Keeps Prometheus's file-based service discovery current: every service replica by the management port DCP gave it
/// (read from its <c>Management__Port</c>), and Alertmanager. A replica is added once it first reports healthy, so a slow start is not
/// an outage; a stopped replica keeps its entry, so its <c>up</c> turns 0 and the ServiceDown alert fires; when it is
/// healthy again its entry takes its new port.
/// </summary>
public sealed partial class ScrapeTargetsWriter(
    ResourceNotificationService notifications, ScrapeTargetsSettings settings, ILogger<ScrapeTargetsWriter> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly SortedDictionary<string, ScrapeTarget> _services = new(StringComparer.Ordinal);
    private ScrapeTarget? _alertmanager;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Empty files at first, so Prometheus starts with nothing to complain about.
        Write(PrometheusConfigFile.ServicesTargetsFile, []);
        Write(PrometheusConfigFile.AlertmanagersTargetsFile, []);
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource is ProjectResource project && ServiceTarget(project, change) is { } service
                    && (!_services.TryGetValue(service.Instance, out var known) || known != service))
                {
                    _services[service.Instance] = service;
                    Write(PrometheusConfigFile.ServicesTargetsFile, _services.Values);
                }
                else if (change.Resource == settings.Alertmanager && AlertmanagerTarget(change) is { } alertmanager && alertmanager != _alertmanager)
                {
                    _alertmanager = alertmanager;
                    Write(PrometheusConfigFile.AlertmanagersTargetsFile, [alertmanager]);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private ScrapeTarget? ServiceTarget(ProjectResource project, ResourceEvent change)
    {
        if (change.Snapshot.HealthStatus != HealthStatus.Healthy)
        {
            return null;
        }

        if (!settings.PerReplica)
        {
            var endpoint = project.GetEndpoint(ManagementEndpointExtensions.EndpointName);
            return endpoint.IsAllocated ? new ScrapeTarget(project.Name, project.Name, Address(endpoint.Port)) : null;
        }

        // The replica's own management port, as DCP resolved it for this replica.
        var port = change.Snapshot.EnvironmentVariables
            .FirstOrDefault(variable => variable.Name == ManagementEndpointExtensions.PortVariable)?.Value;
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var managementPort)
            ? new ScrapeTarget(project.Name, change.ResourceId, Address(managementPort))
            : null;
    }

    private ScrapeTarget? AlertmanagerTarget(ResourceEvent change)
    {
        var endpoint = settings.Alertmanager.GetEndpoint("http");
        return change.Snapshot.State?.Text == KnownResourceStates.Running && endpoint.IsAllocated
            ? new ScrapeTarget(change.Resource.Name, change.Resource.Name, Address(endpoint.Port))
            : null;
    }

    private string Address(int port) => string.Create(CultureInfo.InvariantCulture, $"{settings.TargetHost}:{port}");

    /// <summary>Written whole and renamed into place, so Prometheus never reads half a file.</summary>
    private void Write(string fileName, IEnumerable<ScrapeTarget> targets)
    {
        var groups = targets.Select(target => new
        {
            targets = new[] { target.Address },
            labels = new Dictionary<string, string> { ["job"] = target.Job, ["instance"] = target.Instance },
        });
        var path = Path.Combine(settings.TargetsDirectory, fileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(groups, Json));
        File.Move(temporary, path, overwrite: true);
        LogTargetsWritten(logger, fileName, string.Join(", ", targets.Select(t => $"{t.Instance}={t.Address}")));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Prometheus targets in {File}: {Targets}")]
    private static partial void LogTargetsWritten(ILogger logger, string file, string targets);
}

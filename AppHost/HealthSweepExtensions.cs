using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.AppHost;

public static class HealthSweepExtensions
{
    public const string HealthSweepCommand = "health-sweep";

    /// <summary>
    /// A dashboard command that asks every service for its detailed readiness (<c>/health</c> on its management endpoint)
    /// right now and answers with one table: each service, its status, and any dependency check that is not healthy (a
    /// database, Redis, the broker).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHealthSweepCommand(this IResourceBuilder<ProjectResource> resource) =>
        resource.WithCommand(HealthSweepCommand, "Health sweep", SweepAsync, new CommandOptions
        {
            Description = "Checks the readiness of every service and its dependencies now, and lists what is not healthy.",
            IconName = "HeartPulse",
        });

    private static async Task<ExecuteCommandResult> SweepAsync(ExecuteCommandContext context)
    {
        var services = context.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>()
            .Where(project => project.TryGetEndpoints(out var endpoints) && endpoints.Any(endpoint => endpoint.Name == ManagementEndpointExtensions.EndpointName))
            .OrderBy(project => project.Name, StringComparer.Ordinal)
            .ToList();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var rows = await Task.WhenAll(services.Select(service => CheckAsync(http, service, context.CancellationToken)));

        var table = new StringBuilder("| resource | status | not healthy |\n|---|---|---|\n");
        foreach (var (name, status, problems) in rows)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {name} | {status} | {problems} |\n");
        }

        var unhealthy = rows.Count(row => row.Status != "Healthy");
        var summary = unhealthy == 0 ? $"All {rows.Length} services are healthy." : $"{unhealthy} of {rows.Length} services are not healthy.";
        var data = new CommandResultData { Value = table.ToString(), Format = CommandResultFormat.Markdown, DisplayImmediately = true };
        return unhealthy == 0 ? CommandResults.Success(summary, data) : CommandResults.Failure(summary, data);
    }

    private static async Task<(string Name, string Status, string Problems)> CheckAsync(HttpClient http, ProjectResource service, CancellationToken cancellationToken)
    {
        try
        {
            // The detailed report is served on the management endpoint only. With replicas, the orchestrator's proxy picks one.
            using var response = await http.GetAsync(
                new Uri(new Uri(service.GetEndpoint(ManagementEndpointExtensions.EndpointName).Url), "/health"), cancellationToken);
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var problems = report.RootElement.GetProperty("checks").EnumerateObject()
                .Where(check => check.Value.GetProperty("status").GetString() != "Healthy")
                .Select(check => $"{check.Name}: {check.Value.GetProperty("status").GetString()}");
            return (service.Name, report.RootElement.GetProperty("status").GetString() ?? "Unknown", string.Join(", ", problems));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (service.Name, "Unreachable", exception.Message.ReplaceLineEndings(" "));
        }
    }
}

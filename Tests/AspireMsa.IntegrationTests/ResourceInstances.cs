using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>A resource with replicas runs as several DCP instances, each with its own id, log and commands.</summary>
public static class ResourceInstances
{
    public static async Task<HashSet<string>> IdsAsync(DistributedApplication app, string resourceName, CancellationToken ct)
    {
        var expected = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Single(r => r.Name == resourceName)
            .Annotations.OfType<ReplicaAnnotation>().FirstOrDefault()?.Replicas ?? 1;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(ct))
        {
            if (resourceEvent.Resource.Name == resourceName && ids.Add(resourceEvent.ResourceId) && ids.Count == expected)
            {
                break;
            }
        }

        return ids;
    }
}

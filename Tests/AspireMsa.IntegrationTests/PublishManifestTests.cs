using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>What azd deploys: publish mode always describes containers and projects, never the local processes.</summary>
public class PublishManifestTests
{
    [Fact]
    public async Task ThePublishedManifest_HasContainersAndProjects_AndNoLocalProcesses()
    {
        var output = Path.Combine(Path.GetTempPath(), $"aspiremsa-manifest-{Guid.NewGuid():N}");
        var manifestPath = Path.Combine(output, "aspire-manifest.json");
        try
        {
            using (var appHost = AppHostProcess.Start("--publisher", "manifest", "--output-path", manifestPath))
            {
                Assert.Equal(0, await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            }

            var resources = JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath)).RootElement.GetProperty("resources");
            var types = resources.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("type").GetString());

            Assert.DoesNotContain("executable.v0", types.Values);
            foreach (var container in new[] { "postgres", "redis", "rabbitmq" })
            {
                Assert.Equal("container.v0", types[container]);
            }

            foreach (var project in new[] { "identity", "catalog-v1", "catalog-v2", "ordering", "inventory", "analytics", "legacy-adapter", "gateway" })
            {
                Assert.Equal("project.v0", types[project]);
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

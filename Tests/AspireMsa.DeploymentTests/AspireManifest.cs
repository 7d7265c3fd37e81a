using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AspireMsa.DeploymentTests;

/// <summary>
/// The Aspire manifest azd reads (<c>--publisher manifest</c>), published the way the deployment sees the system
/// (Production), with project paths made relative to the repository so it reads the same on every machine.
/// </summary>
public static class AspireManifest
{
    public const string SnapshotPath = "infra/aspire-manifest.snapshot.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The resources azd deploys as container apps: projects and containers.</summary>
    public static IReadOnlyList<string> DeployedResources(JsonNode manifest) => [.. manifest["resources"]!.AsObject()
        .Where(resource => resource.Value!["type"]!.GetValue<string>() is "project.v0" or "container.v0")
        .Select(resource => resource.Key)
        .Order(StringComparer.Ordinal)];

    public static JsonNode Snapshot() => JsonNode.Parse(RepositoryFiles.Read(SnapshotPath))!;

    public static string ToText(JsonNode manifest) => manifest.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    public static async Task<JsonNode> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"aspiremsa-manifest-{Guid.NewGuid():N}");
        var manifestPath = Path.Combine(output, "aspire-manifest.json");
        try
        {
            await RunAppHostPublisherAsync(manifestPath);
            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
            foreach (var resource in manifest["resources"]!.AsObject())
            {
                if (resource.Value!["path"] is JsonValue path)
                {
                    var absolute = Path.GetFullPath(Path.Combine(output, path.GetValue<string>()));
                    resource.Value["path"] = Path.GetRelativePath(RepositoryFiles.Root, absolute).Replace('\\', '/');
                }
            }

            return manifest;
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task RunAppHostPublisherAsync(string manifestPath)
    {
        var appHost = RepositoryFiles.PathOf("AppHost");
        // The test's own configuration and framework folders name the AppHost build beside it (bin/<Configuration>/<tfm>).
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var assembly = Path.Combine(appHost, "bin", testOutput.Parent!.Name, testOutput.Name, "AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appHost,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assembly, "--publisher", "manifest", "--output-path", manifestPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(startInfo)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The AppHost's manifest publisher exited with {process.ExitCode}:\n{await standardOutput}\n{await standardError}");
        }
    }
}

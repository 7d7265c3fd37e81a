using System.Diagnostics;
using System.Reflection;

namespace AspireMsa.DeploymentTests;

/// <summary>The infrastructure azd provisions compiles: <c>bicep build</c> of each file reports no error.</summary>
public class BicepTests
{
    private static readonly string BicepCli = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepCli").Value!;

    [Theory]
    [InlineData("infra/main.bicep")]
    [InlineData("infra/resources.bicep")]
    [InlineData("infra/alerts.bicep")]
    public async Task TheInfrastructure_Compiles_WithoutErrorsOrWarnings(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            // NuGet extracts the compiler without its execute bit.
            File.SetUnixFileMode(BicepCli, File.GetUnixFileMode(BicepCli) | UnixFileMode.UserExecute);
        }

        var startInfo = new ProcessStartInfo(BicepCli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", RepositoryFiles.PathOf(file), "--stdout" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var diagnostics = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await output;

        Assert.True(process.ExitCode == 0 && diagnostics.Trim().Length == 0, $"bicep build {file}:\n{diagnostics}");
    }
}

using System.Diagnostics;
using System.Runtime.Versioning;

namespace AspireMsa.DeploymentTests;

/// <summary>
/// eng/direct-launch/dotnet, which eng/run.sh and eng/test.sh put first on PATH: the orchestrator's
/// <c>dotnet run --no-build --project …</c> becomes the built executable itself, and everything else reaches the real SDK.
/// A scratch project folder stands in for a built project, and a scratch script for the real <c>dotnet</c>.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DirectLaunchTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("direct-launch-").FullName;

    [Fact]
    public async Task TheOrchestratorsLaunchOfABuiltProject_BecomesTheProjectsExecutable_InTheLaunchersPlace()
    {
        var project = BuiltProject("Debug");

        // Aspire 13.6's exact command line.
        var run = await RunAsync("run", "--project", project, "--no-build", "--configuration", "Debug", "--no-launch-profile");

        Assert.Equal(0, run.ExitCode);
        // Same process id: the executable replaced the launcher, so no `dotnet run` stays resident as its parent.
        Assert.Equal([$"service pid={run.ProcessId}", "service args="], run.Output);
    }

    [Fact]
    public async Task ApplicationArguments_AfterTheDoubleDash_ReachTheExecutable()
    {
        var project = BuiltProject("Debug");

        var run = await RunAsync("run", "--no-build", "--project", project, "--no-launch-profile", "--", "--urls", "http://127.0.0.1:0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"service pid={run.ProcessId}", "service args=--urls http://127.0.0.1:0"], run.Output);
    }

    [Fact]
    public async Task TheConfigurationTheOrchestratorNames_PicksThatBuild()
    {
        BuiltProject("Debug");
        var project = BuiltProject("Release");

        var run = await RunAsync("run", "--no-build", "--project", project, "-c", "Release", "--no-launch-profile");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("service config=Release", File.ReadAllText(Path.Combine(_scratch, "Service", "launched")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectNotBuilt_GoesToTheRealDotnet_Unchanged()
    {
        var project = Path.Combine(_scratch, "Unbuilt", "Unbuilt.csproj");

        var run = await RunAsync("run", "--no-build", "--project", project, "-c", "Debug", "--no-launch-profile");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"real dotnet: run --no-build --project {project} -c Debug --no-launch-profile"], run.Output);
    }

    [Fact]
    public async Task AnOptionItDoesNotKnow_GoesToTheRealDotnet_EvenForABuiltProject()
    {
        var project = BuiltProject("Debug");

        var run = await RunAsync("run", "--project", project, "--no-build", "--launch-profile", "https");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"real dotnet: run --project {project} --no-build --launch-profile https"], run.Output);
    }

    [Theory]
    [InlineData("test", "AspireMsa.sln", "--no-build")]
    [InlineData("run", "--project", "AppHost")]
    [InlineData("--version")]
    public async Task AnyOtherCommand_GoesToTheRealDotnet_Unchanged(params string[] arguments)
    {
        var run = await RunAsync(arguments);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"real dotnet: {string.Join(' ', arguments)}"], run.Output);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>A project folder whose build output for the configuration is a script that reports how it was started.</summary>
    private string BuiltProject(string configuration)
    {
        var folder = Path.Combine(_scratch, "Service");
        var output = Directory.CreateDirectory(Path.Combine(folder, "bin", configuration, "net10.0")).FullName;
        var executable = Path.Combine(output, "Service");
        File.WriteAllText(executable, $"""
            #!/usr/bin/env bash
            echo "service pid=$$"
            echo "service args=$*"
            echo "service config={configuration}" > "{Path.Combine(folder, "launched")}"
            """);
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Path.Combine(folder, "Service.csproj");
    }

    private async Task<ScriptRun> RunAsync(params string[] arguments)
    {
        var realDotnet = Path.Combine(_scratch, "real-dotnet");
        File.WriteAllText(realDotnet, "#!/usr/bin/env bash\necho \"real dotnet: $*\"\n");
        File.SetUnixFileMode(realDotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var startInfo = new ProcessStartInfo(RepositoryFiles.PathOf("eng/direct-launch/dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPIREMSA_REAL_DOTNET"] = realDotnet;

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(string.Empty, await error);
        return new ScriptRun(process.Id, process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record ScriptRun(int ProcessId, int ExitCode, string[] Output);
}

using System.Globalization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A killed AppHost must not leave servers behind: DCP watches the AppHost and stops every process it started,
/// even when the AppHost gets no chance to clean up (kill -9).
/// </summary>
public class ProcessHygieneTests
{
    // As the kernel names them: it keeps 15 characters, so prometheus-alertmanager is prometheus-aler.
    private static readonly string[] ServerProcessNames = ["postgres", "redis-server", "beam.smp", "epmd", "prometheus", "prometheus-aler"];

    [Fact]
    public async Task KillingTheAppHostHard_LeavesNoBackingServiceProcessBehind()
    {
        using var appHost = AppHostProcess.Start("BackingServices:Mode=LocalProcesses");
        // The AppHost's run folder is run-PID-RANDOM: everything under it begins with this.
        var runDirectory = Path.Combine(Path.GetTempPath(), "aspiremsa", $"run-{appHost.Id.ToString(CultureInfo.InvariantCulture)}-");

        var started = await PollAsync(() => ServerProcessNames.All(name => ServersOf(runDirectory).Any(p => p.Name == name)), TimeSpan.FromMinutes(3));
        Assert.True(started, $"Not every server started under {runDirectory}: {Describe(ServersOf(runDirectory))}");

        appHost.KillHard();

        var gone = await PollAsync(() => ServersOf(runDirectory).Count == 0, TimeSpan.FromMinutes(1));
        Assert.True(gone, $"Left behind: {Describe(ServersOf(runDirectory))}");
    }

    /// <summary>DCP starts each server in its folder under the run directory, so a process's cwd or environment says whose it is.</summary>
    private static List<(int Pid, string Name)> ServersOf(string runDirectory)
    {
        var found = new List<(int, string)>();
        foreach (var procDir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(procDir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var name = File.ReadAllText(Path.Combine(procDir, "comm")).Trim();
                if (!ServerProcessNames.Contains(name))
                {
                    continue;
                }

                // A daemon changes its folder to /, but keeps the environment it was started with.
                var cwd = new DirectoryInfo(Path.Combine(procDir, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName ?? string.Empty;
                var environment = File.ReadAllText(Path.Combine(procDir, "environ"));
                if (cwd.StartsWith(runDirectory, StringComparison.Ordinal) || environment.Contains(runDirectory, StringComparison.Ordinal))
                {
                    found.Add((pid, name));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or belongs to someone we may not inspect.
            }
        }

        return found;
    }

    private static Task<bool> PollAsync(Func<bool> condition, TimeSpan timeout) => Polling.UntilAsync(() => Task.FromResult(condition()), timeout);

    private static string Describe(List<(int Pid, string Name)> processes) =>
        string.Join(", ", processes.Select(p => $"{p.Name}({p.Pid})"));
}

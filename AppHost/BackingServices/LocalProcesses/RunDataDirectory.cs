using System.Globalization;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>
/// Where the local servers keep their data. Per run by default (a folder named after the AppHost's process id, so a
/// dev run and a test run never share one); a fixed folder from <c>BackingServices:DataDirectory</c> keeps data across runs.
/// </summary>
public sealed class RunDataDirectory
{
    private const string RunPrefix = "run-";

    private RunDataDirectory(string path, bool isPerRun)
    {
        Path = path;
        IsPerRun = isPerRun;
    }

    public string Path { get; }

    public bool IsPerRun { get; }

    public static RunDataDirectory Create(string? configuredDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            var kept = System.IO.Path.GetFullPath(configuredDirectory);
            Directory.CreateDirectory(kept);
            return new RunDataDirectory(kept, isPerRun: false);
        }

        // Short and under /tmp: PostgreSQL's Unix socket path must stay under about 100 characters.
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aspiremsa");
        Directory.CreateDirectory(root);
        RemoveRunsOfDeadProcesses(root);

        var perRun = System.IO.Path.Combine(root, RunPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(perRun))
        {
            Directory.Delete(perRun, recursive: true);
        }

        Directory.CreateDirectory(perRun);
        return new RunDataDirectory(perRun, isPerRun: true);
    }

    /// <summary>A folder for one server that another (unprivileged) user may create its data in.</summary>
    public string ForServer(string name)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            // Sticky and world-writable like /tmp: PostgreSQL runs as its own user when the AppHost is root.
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
        }

        return dir;
    }

    /// <summary>Best effort at shutdown; a run killed with -9 is swept by the next run instead.</summary>
    public void DeleteIfPerRun()
    {
        if (!IsPerRun)
        {
            return;
        }

        TryDelete(Path);
    }

    private static void RemoveRunsOfDeadProcesses(string root)
    {
        foreach (var dir in Directory.GetDirectories(root, RunPrefix + "*"))
        {
            var suffix = System.IO.Path.GetFileName(dir)[RunPrefix.Length..];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
            {
                TryDelete(dir);
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A server may still be flushing its files; the next run's sweep removes the folder.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

using System.Globalization;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>
/// Where the local servers keep their data. Per run by default (a folder named after the AppHost's process id and a
/// random part, so a dev run and a test run never share one, nor two systems a test process runs side by side); a fixed
/// folder from <c>BackingServices:DataDirectory</c> keeps data across runs.
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

        var perRun = System.IO.Path.Combine(
            root, string.Create(CultureInfo.InvariantCulture, $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"));

        // Others may pass through (an unprivileged server reaches its own folder) but not list the run's folders.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(perRun);
        }
        else
        {
            Directory.CreateDirectory(perRun, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return new RunDataDirectory(perRun, isPerRun: true);
    }

    /// <summary>
    /// A folder for one server's data and configuration: 0700 and owned by the user the server runs as
    /// (<paramref name="owner"/>, when not the AppHost's), so no other local user reads its data, passwords or sockets.
    /// A container's own user must read a bind-mounted folder: <paramref name="readableByContainers"/> opens it to reading.
    /// </summary>
    public string ForServer(string name, string? owner = null, bool readableByContainers = false)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        if (OperatingSystem.IsWindows())
        {
            return dir;
        }

        File.SetUnixFileMode(dir, readableByContainers
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (owner is not null)
        {
            ChangeOwner(dir, owner);
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

    /// <summary>With the system's own tool: .NET has no API for a file's owner.</summary>
    private static void ChangeOwner(string dir, string owner)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["--recursive", $"{owner}:{owner}", dir]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new DistributedApplicationException($"Could not give {dir} to the user '{owner}' (chown exited with {chown.ExitCode}).");
        }
    }

    private static void RemoveRunsOfDeadProcesses(string root)
    {
        foreach (var dir in Directory.GetDirectories(root, RunPrefix + "*"))
        {
            var owner = System.IO.Path.GetFileName(dir)[RunPrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
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

using System.Globalization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The processes of the system a test started, read from <c>/proc</c>: every descendant of the test process (the AppHost
/// runs in it; DCP and everything DCP starts descend from it), and any process that names the run's data folder in its
/// working directory or environment (a daemon that left its parent still keeps those).
/// </summary>
public sealed record SystemProcesses(IReadOnlyList<SystemProcess> All)
{
    /// <summary>What every run folder of the systems this test process starts begins with: run-PID-RANDOM, one per system.</summary>
    private static string RunDirectoryPrefix => Path.Combine(Path.GetTempPath(), "aspiremsa", $"run-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-");

    public static SystemProcesses Snapshot()
    {
        var processes = new Dictionary<int, SystemProcess>();
        foreach (var procDir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(procDir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } process)
            {
                processes[pid] = process;
            }
        }

        var ours = new HashSet<int> { Environment.ProcessId };
        bool added;
        do
        {
            added = false;
            foreach (var process in processes.Values.Where(p => !ours.Contains(p.Pid) && (ours.Contains(p.ParentPid) || p.NamesRunDirectory)))
            {
                added |= ours.Add(process.Pid);
            }
        }
        while (added);

        return new SystemProcesses([.. processes.Values.Where(p => ours.Contains(p.Pid)).OrderBy(p => p.Pid)]);
    }

    private static SystemProcess? Read(int pid)
    {
        var procDir = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            // "pid (comm) state ppid ...": the name may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"{procDir}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(afterName[1], CultureInfo.InvariantCulture);
            var name = File.ReadAllText($"{procDir}/comm").Trim();
            var commandLine = File.ReadAllText($"{procDir}/cmdline").Replace('\0', ' ').Trim();
            var uid = File.ReadLines($"{procDir}/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
            var cwd = new DirectoryInfo($"{procDir}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName ?? string.Empty;
            var environment = File.ReadAllText($"{procDir}/environ");
            var namesRun = cwd.StartsWith(RunDirectoryPrefix, StringComparison.Ordinal) || environment.Contains(RunDirectoryPrefix, StringComparison.Ordinal);
            return new SystemProcess(pid, parent, name, commandLine, int.Parse(uid, CultureInfo.InvariantCulture), cwd, namesRun);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            // The process ended while we looked.
            return null;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>The operating-system processes behind resources, read from their snapshots, and whole process trees to freeze.</summary>
public static class ServiceProcesses
{
    /// <summary>Every service process of the system: all replicas of every project resource.</summary>
    public static readonly IReadOnlyDictionary<string, int> ServiceReplicas = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["identity"] = 1,
        ["catalog-v1"] = 1,
        ["catalog-v2"] = 1,
        ["ordering"] = 1,
        ["inventory"] = 2,
        ["gateway"] = 2,
        ["storefront"] = 2,
        ["analytics"] = 1,
        ["legacy-adapter"] = 1,
    };

    /// <summary>The replicas of every service resource the system runs: an optional capability may be switched off.</summary>
    public static Dictionary<string, int> ServiceReplicasIn(DistributedApplication app)
    {
        var running = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(resource => resource.Name).ToHashSet(StringComparer.Ordinal);
        return ServiceReplicas.Where(service => running.Contains(service.Key)).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>The DCP instance name and process id of every replica of the resources, from the snapshots the notifications replay.</summary>
    public static async Task<Dictionary<string, int>> PidsAsync(DistributedApplication app, IReadOnlyDictionary<string, int> replicas)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pids = new Dictionary<string, int>(StringComparer.Ordinal);
        var expected = replicas.Values.Sum();
        await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            var pid = resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
            if (replicas.ContainsKey(resourceEvent.Resource.Name) && pid is not null)
            {
                pids[resourceEvent.ResourceId] = Convert.ToInt32(pid, CultureInfo.InvariantCulture);
                if (pids.Count == expected)
                {
                    break;
                }
            }
        }

        Assert.Equal(expected, pids.Count);
        return pids;
    }

    /// <summary>The names of the processes that have exited, of those found by <see cref="PidsAsync"/>.</summary>
    public static IEnumerable<string> Exited(Dictionary<string, int> pids) =>
        pids.Where(process => !IsRunning(process.Value)).Select(process => $"{process.Key} (pid {process.Value})");

    /// <summary>The process and all its descendants, parents first: PostgreSQL serves each connection from its own child.</summary>
    public static List<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(dir => Path.Combine(dir, "stat")))
        {
            if (int.TryParse(Path.GetFileName(Path.GetDirectoryName(stat)), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryReadParent(stat) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(children.GetValueOrDefault(tree[i]) ?? []);
        }

        return tree;
    }

    /// <summary>Signals every process, skipping any that exited meanwhile (a PostgreSQL backend may end at any time).</summary>
    public static void SignalQuietly(string signal, IEnumerable<int> pids)
    {
        var arguments = new List<string> { signal };
        arguments.AddRange(pids.Select(pid => pid.ToString(CultureInfo.InvariantCulture)));
        using var kill = Process.Start(new ProcessStartInfo("kill", arguments) { RedirectStandardError = true })!;
        kill.WaitForExit();
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int? TryReadParent(string statPath)
    {
        try
        {
            // "pid (comm) state ppid ...": the command name may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText(statPath);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}

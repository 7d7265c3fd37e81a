namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>
/// Finds the servers installed from the operating system's packages. A missing one fails the AppHost at once with
/// one line naming the package, instead of a resource that never starts.
/// </summary>
public static class OsPackageBinaries
{
    public static string PostgresBinDirectory()
    {
        // Debian and Ubuntu keep the server binaries out of PATH, one folder per major version.
        var debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = FindOnPath("initdb");
        return onPath is not null && File.Exists(Path.Combine(Path.GetDirectoryName(onPath)!, "postgres"))
            ? Path.GetDirectoryName(onPath)!
            : throw Missing("PostgreSQL server (initdb, postgres)", "postgresql");
    }

    public static string RedisServer() =>
        FindOnPath("redis-server") ?? throw Missing("Redis server (redis-server)", "redis-server");

    /// <summary>The broker's own start script: the <c>/usr/sbin</c> wrapper switches user and breaks signal handling.</summary>
    public static string RabbitMQServer()
    {
        const string debianScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        return File.Exists(debianScript)
            ? debianScript
            : FindOnPath("rabbitmq-server") ?? throw Missing("RabbitMQ server (rabbitmq-server)", "rabbitmq-server");
    }

    public static string Epmd() =>
        FindOnPath("epmd") ?? throw Missing("Erlang port mapper (epmd)", "rabbitmq-server");

    public static string Prometheus() =>
        FindOnPath("prometheus") ?? throw Missing("Prometheus (prometheus)", "prometheus");

    /// <summary>Debian names the binary after its package; elsewhere it is plain <c>alertmanager</c>.</summary>
    public static string Alertmanager() =>
        FindOnPath("prometheus-alertmanager") ?? FindOnPath("alertmanager") ?? throw Missing("Alertmanager (prometheus-alertmanager)", "prometheus-alertmanager");

    public static string? FindOnPath(string fileName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, fileName))
            .FirstOrDefault(File.Exists);

    private static DistributedApplicationException Missing(string what, string package) =>
        new($"{what} not found: install the '{package}' package (Debian/Ubuntu: sudo apt-get install -y {package}), " +
            "or set BackingServices:Mode=Containers with a running container engine.");
}

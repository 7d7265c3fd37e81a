using System.Globalization;

namespace AspireMsa.Benchmarks.Harness;

/// <summary>
/// How long and how hard each measure runs. <c>--quick</c> (about 2 minutes after start-up) checks the suite works and
/// gives rough figures; the default (full) runs long enough for stable percentiles on a quiet machine.
/// </summary>
public sealed record BenchOptions
{
    public required bool Quick { get; init; }

    /// <summary>Where latest.json and latest.md are written.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Scratch files (nginx's configuration, logs and pid file, wrk's path lists); eng/bench.sh cleans it up.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Extra environment for one resource, <c>--env gateway:Logging__LogLevel__Default=Warning</c>: for experiments only.</summary>
    public required IReadOnlyList<(string Resource, string Name, string Value)> EnvironmentOverrides { get; init; }

    /// <summary>The load average eng/bench.sh saw before it built the suite (the build itself raises it for a minute).</summary>
    public double? LoadBeforeBuild { get; init; }

    public string Mode => Quick ? "quick" : "full";

    /// <summary>Load before the first measured run of each variant, not counted: JIT, connection pools, caches.</summary>
    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(5);

    /// <summary>One measured wrk run.</summary>
    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(6) : TimeSpan.FromSeconds(12);

    /// <summary>
    /// The side-by-side variants run in turn this many times and the median round is reported: on a shared machine a
    /// burst of other work then hits every variant alike instead of one of them.
    /// </summary>
    public int Rounds => Quick ? 1 : 3;

    /// <summary>Connections for the saturating runs: enough to keep two cores busy behind a proxy hop.</summary>
    public int Connections => 32;

    /// <summary>Connections for the paced half-load runs.</summary>
    public int PacedConnections => 16;

    /// <summary>wrk threads: one per core, so the load generator takes its share of the same two cores.</summary>
    public int WrkThreads => Math.Max(1, Math.Min(Environment.ProcessorCount, 2));

    public int SeededProducts => 50;

    /// <summary>How long orders are placed in each saga phase (saturated, then paced at half the completion rate).</summary>
    public TimeSpan SagaDuration => Quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(30);

    public int SagaCallers => 16;

    /// <summary>How long accepted orders may take to reach Confirmed or Cancelled after the last POST before they count as lost.</summary>
    public TimeSpan SagaSettleDeadline => TimeSpan.FromMinutes(2);

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var output = Path.Combine("bench", "results");
        string? work = null;
        var overrides = new List<(string, string, string)>();
        double? loadBeforeBuild = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--work-dir" when i + 1 < args.Length:
                    work = args[++i];
                    break;
                case "--load-before-build" when i + 1 < args.Length:
                    loadBeforeBuild = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--env" when i + 1 < args.Length:
                    overrides.Add(ParseOverride(args[++i]));
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown argument '{args[i]}'. Usage: [--quick] [--output DIR] [--work-dir DIR] [--env resource:NAME=VALUE]...");
            }
        }

        work ??= Path.Combine(Path.GetTempPath(), "aspiremsa-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new BenchOptions
        {
            Quick = quick,
            OutputDirectory = Path.GetFullPath(output),
            WorkDirectory = Path.GetFullPath(work),
            EnvironmentOverrides = overrides,
            LoadBeforeBuild = loadBeforeBuild,
        };
    }

    private static (string, string, string) ParseOverride(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (colon <= 0 || equals < colon + 2)
        {
            throw new ArgumentException($"--env takes resource:NAME=VALUE, not '{value}'.");
        }

        return (value[..colon], value[(colon + 1)..equals], value[(equals + 1)..]);
    }
}

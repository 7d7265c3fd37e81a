using System.Globalization;
using System.Text;
using System.Text.Json;
using AspireMsa.Benchmarks.Measures;

namespace AspireMsa.Benchmarks.Reporting;

/// <summary>Writes latest.json (every figure) and latest.md (the table the README shows).</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly (string Measure, string Ratio, string Label, string Unit)[] RatioLabels =
    [
        ("catalog-read", "gatewayOverNginxRps", "gateway / nginx rps (saturated)", "×"),
        ("catalog-read", "gatewayOverDirectRps", "gateway / direct rps (saturated)", "×"),
        ("catalog-read", "nginxOverDirectRps", "nginx / direct rps (saturated)", "×"),
        ("catalog-read", "publicGatewayOverNginxRps", "gateway public endpoint (2 replicas) / nginx rps (saturated)", "×"),
        ("catalog-read-half-load", "gatewayAddedP50Ms", "gateway added p50 over direct at half load", " ms"),
        ("catalog-read-half-load", "gatewayAddedP99Ms", "gateway added p99 over direct at half load", " ms"),
        ("read-path", "redisOverPostgresRps", "Redis / PostgreSQL rps", "×"),
        ("read-path", "postgresOverRedisP99", "PostgreSQL / Redis p99", "×"),
    ];

    public static async Task WriteAsync(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.json"), JsonSerializer.Serialize(report, Json) + "\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.md"), Markdown(report));
    }

    public static string Markdown(BenchReport report)
    {
        var m = report.Machine;
        var md = new StringBuilder();
        md.AppendLine(Invariant($"Run of {report.StartedAt:yyyy-MM-dd HH:mm} UTC, `{report.Mode}` mode ({report.Configuration} build, {report.Environment} environment, backing services as local processes).  "));
        md.AppendLine(Invariant($"Machine: {m.Cores} cores ({m.Cpu}), {m.MemoryGiB:0.#} GiB RAM, {m.OperatingSystem}, kernel {m.Kernel}, {m.DotnetRuntime} (SDK {m.DotnetSdk}); load generator on the same cores.  "));
        var beforeBuild = report.Load.BeforeBuild is { } load ? Invariant($"{load:0.00} before the build, ") : "";
        md.AppendLine(Invariant(
            $"Load average: {beforeBuild}{report.Load.BeforeStart:0.00} at the start ({(report.Load.OtherwiseIdle ? "machine otherwise idle" : "machine shared with other work: figures are lower than on an idle machine")}); highest during the run: {report.Load.MaxDuringRun:0.00}."));
        md.AppendLine();
        md.AppendLine("| measure | variant | req/s | p50 ms | p99 ms | errors |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var measure in report.Measures)
        {
            foreach (var row in measure.Rows)
            {
                var variant = row.OfferedRps is { } offered ? Invariant($"{row.Variant} (offered {offered:0} req/s)") : row.Variant;
                md.AppendLine(Invariant($"| {ShortTitle(measure, row.Connections)} | {variant} | {row.Rps:#,0} | {row.P50Ms:0.00} | {row.P99Ms:0.00} | {row.Errors} |"));
            }

            if (measure.Details.TryGetValue("phases", out var phases) && phases is IEnumerable<SagaPhase> sagaPhases)
            {
                foreach (var phase in sagaPhases)
                {
                    var offered = phase.OfferedPerSecond is { } rate ? Invariant($", offered {rate:0.#}/s") : "";
                    md.AppendLine(Invariant(
                        $"| order saga, POST to Confirmed/Cancelled | {phase.Phase}{offered}: {phase.Accepted} accepted, {phase.Lost} lost | {phase.CompletedPerSecond:#,0.0} orders/s | {phase.P50Ms:0} | {phase.P99Ms:0} | {phase.Refused} |"));
                }
            }
        }

        md.AppendLine();
        md.AppendLine("| ratio | value |");
        md.AppendLine("|---|---:|");
        foreach (var (measureId, ratio, label, unit) in RatioLabels)
        {
            if (report.Measures.FirstOrDefault(x => x.Id == measureId)?.Ratios.TryGetValue(ratio, out var value) == true)
            {
                md.AppendLine(Invariant($"| {label} | {value:0.00}{unit} |"));
            }
        }

        if (report.Measures.FirstOrDefault(x => x.Id == "cold-start") is { } cold)
        {
            md.AppendLine(Invariant($"| cold start, AppHost start to all resources healthy | {cold.Ratios["allHealthySeconds"]:0.0} s |"));
        }

        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---:|:---:|");
        foreach (var target in report.Targets)
        {
            md.AppendLine($"| {target.Target} | {target.Measured} | {(target.Met ? "yes" : "no")} |");
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine("- " + note);
            }
        }

        return md.ToString();
    }

    private static string ShortTitle(Measure measure, int connections) => measure.Id switch
    {
        "catalog-read" => Invariant($"catalog read, saturated ({connections} conn)"),
        "catalog-read-half-load" => Invariant($"catalog read, half load ({connections} conn)"),
        "read-path" => Invariant($"catalog read by store, direct ({connections} conn)"),
        _ => measure.Title,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

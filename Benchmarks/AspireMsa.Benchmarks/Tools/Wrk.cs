using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AspireMsa.Benchmarks.Tools;

/// <summary>Runs wrk as a child process with <c>wrk-report.lua</c> and reads its one-line JSON report.</summary>
public sealed class Wrk(string workDirectory)
{
    private const string ReportPrefix = "WRK_REPORT ";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Tools", "wrk-report.lua");

    public async Task<WrkResult> RunAsync(WrkRun run)
    {
        var pathsFile = Path.Combine(workDirectory, $"wrk-paths-{Guid.NewGuid():N}.txt");
        var pidFile = Path.Combine(workDirectory, "wrk.pid");
        await File.WriteAllLinesAsync(pathsFile, run.Paths);
        try
        {
            var start = new ProcessStartInfo("wrk")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-t" + run.Threads.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("-c" + run.Connections.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("-d" + ((int)Math.Ceiling(run.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s");
            start.ArgumentList.Add("--timeout");
            start.ArgumentList.Add("10s");
            foreach (var (name, value) in run.Headers)
            {
                start.ArgumentList.Add("-H");
                start.ArgumentList.Add($"{name}: {value}");
            }

            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(run.BaseUrl.GetLeftPart(UriPartial.Authority));
            start.Environment["WRK_PATHS"] = pathsFile;
            start.Environment["WRK_DELAY_MS"] = run.DelayMilliseconds.ToString(CultureInfo.InvariantCulture);

            using var wrk = new ChildProcess(start);
            // eng/bench.sh ends it from this file should the benchmark itself be killed mid-run.
            await File.WriteAllTextAsync(pidFile, wrk.Id.ToString(CultureInfo.InvariantCulture));
            var (exitCode, output, errors) = await wrk.WaitAsync(run.Duration + TimeSpan.FromSeconds(30));
            var report = output.Split('\n').FirstOrDefault(line => line.StartsWith(ReportPrefix, StringComparison.Ordinal));
            if (exitCode != 0 || report is null)
            {
                throw new InvalidOperationException($"wrk exited with {exitCode}: {output}{errors}");
            }

            return JsonSerializer.Deserialize<WrkResult>(report[ReportPrefix.Length..], Json)!;
        }
        finally
        {
            File.Delete(pathsFile);
            File.Delete(pidFile);
        }
    }
}

using System.Reflection;
using AspireMsa.Benchmarks.Harness;
using AspireMsa.Benchmarks.Measures;
using AspireMsa.Benchmarks.Reporting;
using AspireMsa.Benchmarks.Tools;

// The benchmark suite (docs/benchmarks.md): starts the whole system once, measures side by side, writes bench/results.
var options = BenchOptions.Parse(args);
Directory.CreateDirectory(options.WorkDirectory);
var startedAt = DateTimeOffset.UtcNow;
var machine = await MachineInfo.CaptureAsync();
var loadBeforeStart = MachineInfo.LoadAverage();
using var loadWatch = new LoadWatch();
Console.WriteLine($"Benchmark ({options.Mode}): load average {loadBeforeStart:0.00} on {machine.Cores} cores; starting the system...");

var measures = new List<Measure>();
await using (var system = await BenchSystem.StartAsync(options))
{
    measures.Add(ColdStartMeasure.From(system.ColdStart, loadBeforeStart));
    Console.WriteLine($"  all resources healthy after {system.ColdStart.AllHealthy.TotalSeconds:0.0} s");

    var wrk = new Wrk(options.WorkDirectory);
    var products = await CatalogSeed.CreateAsync(system, options.SeededProducts);
    var failures = new List<string>();
    await RunAsync("catalog read", async () => measures.AddRange(await CatalogReadMeasure.RunAsync(system, wrk, options, products)));
    await RunAsync("order saga", async () => measures.Add(await OrderSagaMeasure.RunAsync(system, options, products)));
    // Last: it stops Redis.
    await RunAsync("read path", async () => measures.Add(await ReadPathMeasure.RunAsync(system, wrk, options, products)));

    // A failed measure is reported, and the others still are.
    async Task RunAsync(string name, Func<Task> measure)
    {
        try
        {
            await measure();
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Console.WriteLine($"  {name} failed: {exception.Message}");
            failures.Add($"Measure '{name}' failed: {exception.Message}");
        }
    }

    var report = new BenchReport(
        startedAt,
        DateTimeOffset.UtcNow,
        options.Mode,
        typeof(BenchOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown",
        system.EnvironmentName,
        machine,
        new MachineLoad(options.LoadBeforeBuild, loadBeforeStart, loadWatch.Max, (options.LoadBeforeBuild ?? loadBeforeStart) < LoadWatch.IdleThreshold),
        measures,
        Targets.Check(measures),
        [.. options.EnvironmentOverrides.Select(o => $"Environment override for this run: {o.Resource} {o.Name}={o.Value}"), .. failures]);
    await ReportWriter.WriteAsync(report, options.OutputDirectory);
    Console.WriteLine();
    Console.WriteLine(ReportWriter.Markdown(report));
    Console.WriteLine($"Written to {options.OutputDirectory}; stopping the system...");
    Environment.ExitCode = failures.Count == 0 ? 0 : 1;
}

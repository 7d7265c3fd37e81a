using AspireMsa.Benchmarks.Harness;
using AspireMsa.Benchmarks.Reporting;
using AspireMsa.Benchmarks.Tools;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// Runs variants of the same load in turn, round after round, and reports each variant's median round: a burst of other
/// work on a shared machine then lands on every variant alike rather than on whichever ran at that moment.
/// </summary>
public static class SideBySide
{
    public static async Task<(IReadOnlyList<LoadRow> Median, IReadOnlyDictionary<string, object> Rounds)> RunAsync(
        Wrk wrk,
        BenchOptions options,
        IReadOnlyList<(string Name, Uri Url)> variants,
        Func<Uri, TimeSpan, WrkRun> load,
        Func<LoadRow, double> medianBy,
        string label,
        double? offeredRps = null)
    {
        var rounds = variants.ToDictionary(v => v.Name, _ => new List<LoadRow>());
        foreach (var (name, url) in variants)
        {
            await wrk.RunAsync(load(url, options.WarmUp));
        }

        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var (name, url) in variants)
            {
                Console.WriteLine($"  {label}: {name}, round {round} of {options.Rounds}");
                var run = load(url, options.Duration);
                var result = await wrk.RunAsync(run);
                rounds[name].Add(LoadRow.From(name, url.ToString(), run.Connections, result, offeredRps));
            }
        }

        var median = variants.Select(v => rounds[v.Name].OrderBy(medianBy).ElementAt(rounds[v.Name].Count / 2)).ToList();
        return (median, rounds.ToDictionary(r => r.Key, r => (object)r.Value));
    }
}

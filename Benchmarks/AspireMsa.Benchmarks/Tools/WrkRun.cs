namespace AspireMsa.Benchmarks.Tools;

/// <summary>One wrk invocation: where, with which headers, how many connections, for how long, and at what pace.</summary>
public sealed record WrkRun(
    Uri BaseUrl,
    IReadOnlyList<string> Paths,
    IReadOnlyDictionary<string, string> Headers,
    int Threads,
    int Connections,
    TimeSpan Duration,
    int DelayMilliseconds = 0);

using System.Collections.Concurrent;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The stops of systems whose collections have finished. A system's stop took 40 to 45 s here (every service and
/// server shutting down in turn), and it held the collection's slot, so the next system waited for it to start. A
/// collection now hands its stop over here and frees its slot at once; the stop runs beside the next system's start,
/// and <see cref="IntegrationTestFramework"/> waits for every stop before the test run ends, so no process outlives it.
/// </summary>
public static class SystemStops
{
    private static readonly ConcurrentBag<Task> Pending = [];

    public static void Add(Task stop) => Pending.Add(stop);

    /// <summary>Waits for every stop; the failures, if any, as one exception.</summary>
    public static async Task WhenAllStoppedAsync() => await Task.WhenAll(Pending);
}

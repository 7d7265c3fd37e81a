using AspireMsa.Benchmarks.Reporting;

namespace AspireMsa.Benchmarks.Harness;

/// <summary>Samples the load average every few seconds during the run and keeps the highest.</summary>
public sealed class LoadWatch : IDisposable
{
    /// <summary>Below this 1-minute load average on two cores, the machine counts as otherwise idle.</summary>
    public const double IdleThreshold = 1.5;

    private readonly Timer _timer;
    private double _max;

    public LoadWatch()
    {
        _max = MachineInfo.LoadAverage();
        _timer = new Timer(_ => Max = Math.Max(Max, MachineInfo.LoadAverage()), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    public double Max
    {
        get => Volatile.Read(ref _max);
        private set => Volatile.Write(ref _max, value);
    }

    public void Dispose() => _timer.Dispose();
}

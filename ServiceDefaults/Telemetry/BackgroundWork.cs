using System.Diagnostics;

namespace AspireMsa.ServiceDefaults.Telemetry;

/// <summary>
/// The span a background loop starts once a poll found work (expired orders to cancel, read-model changes to apply), so
/// the statements that do the work form one trace; the poll itself stays untraced (<see cref="UpkeepSampler"/>).
/// </summary>
public static class BackgroundWork
{
    public const string SourceName = "AspireMsa.BackgroundWork";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name, int items)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal, parentContext: default);
        activity?.SetTag("aspiremsa.work.items", items);
        return activity;
    }
}

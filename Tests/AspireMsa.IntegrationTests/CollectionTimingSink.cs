using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Reports each collection's wall-clock time, its system's start and stop included (xUnit's own per-collection time
/// counts only the tests), so the slow collections show in every run and in CI's log.
/// </summary>
public sealed class CollectionTimingSink(IMessageSink next, IMessageSink diagnostics) : LongLivedMarshalByRefObject, IMessageSink
{
    private readonly Dictionary<Guid, long> _started = [];

    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestCollectionStarting starting:
                lock (_started)
                {
                    _started[starting.TestCollection.UniqueID] = Stopwatch.GetTimestamp();
                }

                break;
            case ITestCollectionFinished finished:
                long startedAt;
                lock (_started)
                {
                    startedAt = _started[finished.TestCollection.UniqueID];
                }

                // A diagnostic message: the console logger prints it (diagnosticMessages in xunit.runner.json); .ci/run collects it.
                diagnostics.OnMessage(new DiagnosticMessage(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Collection '{finished.TestCollection.DisplayName}': {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F0} s, {finished.TestsRun} tests, {finished.TestsFailed} failed")));
                break;
        }

        return next.OnMessage(message);
    }
}

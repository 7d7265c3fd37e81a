using Polly;
using Polly.Telemetry;

namespace AspireMsa.ServiceDefaults.Resilience;

/// <summary>
/// The levels Polly logs its resilience events at, for every pipeline in the process. Polly logs an attempt that timed
/// out, and a last attempt that failed, at Error, yet the retry behind them or the caller handles them, and a caller that
/// cannot logs the failure at the level it deserves: a token server still starting would otherwise put an Error in every
/// service's log. A breaker opening keeps its Error: calls are being refused.
/// </summary>
public static class ResilienceLogLevels
{
    private const string CircuitOpenedEvent = "OnCircuitOpened";

    public static void Apply(TelemetryOptions options) => options.SeverityProvider = Severity;

    private static ResilienceEventSeverity Severity(SeverityProviderArguments arguments) =>
        arguments.Event.Severity == ResilienceEventSeverity.Error && arguments.Event.EventName != CircuitOpenedEvent
            ? ResilienceEventSeverity.Warning
            : arguments.Event.Severity;
}

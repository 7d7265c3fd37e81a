namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// The integration events a service publishes and consumes, as its event bus registered them; infrastructure-only, so
/// ServiceDefaults needs no reference to the event types or the bus.
/// </summary>
public interface ICapabilityEvents
{
    /// <summary>The name stamped on every message the service publishes (one for every version of a service).</summary>
    string Source { get; }

    IReadOnlyCollection<Type> Published { get; }

    IReadOnlyCollection<Type> Consumed { get; }
}

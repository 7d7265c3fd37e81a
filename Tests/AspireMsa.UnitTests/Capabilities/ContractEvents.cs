using AspireMsa.Contracts;
using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.UnitTests.Capabilities;

/// <summary>Every integration event type of the contracts library, as a service that publishes some and consumes the rest.</summary>
public sealed class ContractEvents : ICapabilityEvents
{
    public static readonly Type[] All = [.. typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(IntegrationEvent)) && !type.IsAbstract)
        .OrderBy(type => type.Name, StringComparer.Ordinal)];

    public string Source => "test";

    public IReadOnlyCollection<Type> Published => [.. All.Where((_, index) => index % 2 == 0)];

    public IReadOnlyCollection<Type> Consumed => [.. All.Where((_, index) => index % 2 == 1)];
}

namespace AspireMsa.IntegrationTests;

/// <summary>The telemetry tests count every trace the system makes, so nothing else may run against their system.</summary>
[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}

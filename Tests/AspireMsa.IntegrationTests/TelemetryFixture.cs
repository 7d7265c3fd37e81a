namespace AspireMsa.IntegrationTests;

/// <summary>The whole system, with every project exporting its traces to a receiver the test reads.</summary>
public sealed class TelemetryFixture : SystemFixture
{
    public OtlpTraceReceiver Receiver { get; } = new();

    protected override Uri? TelemetryEndpoint => Receiver.Endpoint;

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        // The services flush their last spans at shutdown: the receiver stops after them.
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

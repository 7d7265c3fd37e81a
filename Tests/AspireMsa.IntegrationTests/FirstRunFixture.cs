namespace AspireMsa.IntegrationTests;

/// <summary>
/// The whole system as a newcomer starts it, the <c>demo-data</c> resource stocking the store, with every project exporting
/// its traces to a receiver the tests read.
/// </summary>
public sealed class FirstRunFixture : SystemFixture
{
    public OtlpTraceReceiver Receiver { get; } = new();

    protected override bool DemoDataEnabled => true;

    protected override bool QuickPurges => false;

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

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

    /// <summary>
    /// The back end's clean start is what these tests read; the storefront's two replicas would add processes to a
    /// machine the other systems share, and its own browser tests run in the shared system.
    /// </summary>
    protected override bool StorefrontEnabled => false;

    /// <summary>Off like the storefront: these tests count every trace an idle system makes, and its own tests run in the shared system.</summary>
    protected override bool AnalyticsEnabled => false;

    /// <summary>Off like analytics: an idle adapter adds a process, and its own tests run in the shared system.</summary>
    protected override bool LegacyEnabled => false;

    protected override Uri? TelemetryEndpoint => Receiver.Endpoint;

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>The services flush their last spans at shutdown: the receiver stops after them.</summary>
    protected override async Task AfterStopAsync() => await Receiver.DisposeAsync();
}

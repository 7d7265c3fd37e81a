namespace AspireMsa.IntegrationTests;

/// <summary>
/// A private system for a collection of fault tests (Redis outages, stops and freezes, messaging faults): the whole
/// system as <see cref="SystemFixture"/> starts it, its token pruning and purges at their normal pace, and without the
/// optional storefront, whose two replicas only its own tests use (the freeze tests then check the services alone), and
/// without the optional analytics and legacy capabilities.
/// </summary>
public sealed class FaultSystemFixture : SystemFixture
{
    protected override bool QuickPurges => false;

    protected override bool StorefrontEnabled => false;

    /// <summary>Its own tests run in the shared system; here it would only add a process and a queue to every fault.</summary>
    protected override bool AnalyticsEnabled => false;

    /// <summary>Off as well, so this system also shows what a switched-off capability answers at the gateway (<see cref="LegacyCapabilityOffTests"/>).</summary>
    protected override bool LegacyEnabled => false;
}

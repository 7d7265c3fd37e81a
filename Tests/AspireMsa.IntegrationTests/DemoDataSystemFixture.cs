namespace AspireMsa.IntegrationTests;

/// <summary>The whole system as a newcomer starts it: with the <c>demo-data</c> resource stocking the store.</summary>
public sealed class DemoDataSystemFixture : SystemFixture
{
    protected override bool DemoDataEnabled => true;
}

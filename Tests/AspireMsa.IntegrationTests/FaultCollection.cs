namespace AspireMsa.IntegrationTests;

/// <summary>
/// One private system for the fault tests: those that stop or flush Redis, PostgreSQL and RabbitMQ, stop or kill services
/// and replicas, stop Ordering to make an alert fire, and change, slow down and stop the canary (the freezes and the price
/// fan-out run on the <see cref="FirstRunCollection"/> system, after its own checks). The shared
/// <see cref="SystemCollection"/> never sees any of it. Each test leaves the system healthy, so they share one system in
/// turn: a system's start costs about 90 s and 190 s of CPU on two cores, more than most of these tests take.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "faults";
}

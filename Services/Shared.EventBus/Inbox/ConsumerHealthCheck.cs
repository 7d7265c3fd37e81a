using AspireMsa.EventBus.Broker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// "Consumer alive": Degraded, never Unhealthy, while the consumer is down. The service still takes requests (they wait in
/// the outbox or in the queue), so it must stay in the gateway's rotation while the loop sets the consumer up again.
/// </summary>
public sealed class ConsumerHealthCheck(ConsumerStatus status, BrokerTopology topology) : IHealthCheck
{
    public const string Name = "eventbus-consumer";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(topology.EventTypes.Count == 0 || status.IsConsuming
            ? HealthCheckResult.Healthy(topology.EventTypes.Count == 0 ? "Nothing to consume." : $"Consuming '{topology.Queue}'.")
            : HealthCheckResult.Degraded($"Not consuming '{topology.Queue}': {status.StoppedReason}"));
}

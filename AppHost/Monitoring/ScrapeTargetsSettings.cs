namespace AspireMsa.AppHost.Monitoring;

/// <param name="TargetsDirectory">Where the target files are written, on the host.</param>
/// <param name="TargetHost">How Prometheus reaches the host's processes: localhost, or the container host's name.</param>
/// <param name="PerReplica">Each replica's own port (local processes), or each service's proxy (from a container).</param>
/// <param name="Alertmanager">The Alertmanager Prometheus sends alerts to, and scrapes as well.</param>
public sealed record ScrapeTargetsSettings(string TargetsDirectory, string TargetHost, bool PerReplica, IResourceWithEndpoints Alertmanager);

namespace AspireMsa.AppHost.Monitoring;

/// <summary>One address Prometheus scrapes, with the labels its series get: the resource (job) and the replica (instance).</summary>
public sealed record ScrapeTarget(string Job, string Instance, string Address);

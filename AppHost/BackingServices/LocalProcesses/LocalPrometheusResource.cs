namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>Prometheus from the OS package (<c>prometheus</c>) as a DCP-managed process.</summary>
public sealed class LocalPrometheusResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    public const string HttpEndpointName = "http";

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);
}

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>Alertmanager from the OS package (<c>prometheus-alertmanager</c>) as a DCP-managed process.</summary>
public sealed class LocalAlertmanagerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    public const string HttpEndpointName = "http";

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);
}

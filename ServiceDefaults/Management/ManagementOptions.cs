using System.ComponentModel.DataAnnotations;

namespace AspireMsa.ServiceDefaults.Management;

/// <summary>
/// The management endpoint (section <c>Management</c>, set by the AppHost): the local port on which this process serves
/// <c>/metrics</c> and the detailed <c>/health</c> to Prometheus and operators, apart from its public port.
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>
    /// The port Kestrel listens on for management (the AppHost's <c>management</c> endpoint). Unset: no management
    /// endpoint, so no metrics and no detailed health are served anywhere.
    /// </summary>
    [Range(1, 65535)]
    public int? Port { get; set; }
}

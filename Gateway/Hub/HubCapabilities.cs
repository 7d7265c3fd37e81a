using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.Gateway.Hub;

/// <summary>The running capabilities' manifests, and the deployed ones whose manifest could not be read now.</summary>
public sealed record HubCapabilities(IReadOnlyList<CapabilityManifest> Capabilities, IReadOnlyList<string> Unavailable);

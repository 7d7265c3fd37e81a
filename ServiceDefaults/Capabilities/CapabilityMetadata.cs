namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>Backstage's metadata block: the capability's discovery name, what it does, and annotations for tools.</summary>
public sealed record CapabilityMetadata(string Name, string Description, IReadOnlyDictionary<string, string> Annotations);

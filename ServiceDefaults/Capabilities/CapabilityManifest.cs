namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// What a capability says of itself, shaped like a Backstage <c>catalog-info.yaml</c> Component entity (apiVersion, kind,
/// metadata, spec), so a Backstage catalog could ingest it as it is; the OpenAPI path, the AsyncAPI document and the
/// datasets ride in <see cref="CapabilitySpec"/> beside Backstage's own fields.
/// </summary>
public sealed record CapabilityManifest(string ApiVersion, string Kind, CapabilityMetadata Metadata, CapabilitySpec Spec)
{
    public const string BackstageApiVersion = "backstage.io/v1alpha1";
    public const string ComponentKind = "Component";
}

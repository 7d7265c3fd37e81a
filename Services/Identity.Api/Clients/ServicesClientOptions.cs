namespace AspireMsa.Identity.Api.Clients;

public sealed class ServicesClientOptions
{
    /// <summary>The confidential client's secret; when missing the client is not registered at all.</summary>
    public string? Secret { get; set; }
}

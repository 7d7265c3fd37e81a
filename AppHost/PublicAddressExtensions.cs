namespace AspireMsa.AppHost;

public static class PublicAddressExtensions
{
    /// <summary>
    /// Tells the gateway the URL clients reach it by (<c>Gateway:PublicUrl</c>): its host is the one the gateway answers
    /// to, and the API portal builds its server and token URLs from it, never from a request's Host header. Locally,
    /// tools also reach it by loopback address (<c>AllowedHosts</c>), and containers by the container host's name.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicAddress(
        this IResourceBuilder<ProjectResource> gateway, EndpointReference publicUrl, string? containerHostName)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        gateway.WithEnvironment("Gateway__PublicUrl", publicUrl);
        if (gateway.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            string[] loopback = ["127.0.0.1", "[::1]"];
            gateway.WithEnvironment("AllowedHosts", string.Join(';', containerHostName is null ? loopback : [.. loopback, containerHostName]));
        }

        return gateway;
    }
}

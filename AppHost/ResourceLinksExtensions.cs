namespace AspireMsa.AppHost;

public static class ResourceLinksExtensions
{
    /// <summary>Links the resource in the dashboard to its page in the repository's <c>docs/</c> folder.</summary>
    public static IResourceBuilder<T> WithDocsLink<T>(this IResourceBuilder<T> resource, string docsPage)
        where T : IResource
    {
        var path = Path.GetFullPath(Path.Combine(resource.ApplicationBuilder.AppHostDirectory, "..", "docs", docsPage));
        return resource.WithUrl(new Uri(path).AbsoluteUri, $"Docs: {docsPage}");
    }

    /// <summary>Links a service to its interactive API reference in the gateway's portal (calls go through the gateway).</summary>
    public static IResourceBuilder<ProjectResource> WithApiReferenceLink(
        this IResourceBuilder<ProjectResource> service, EndpointReference gateway, string document) =>
        service.WithUrl(ReferenceExpression.Create($"{gateway}/docs/{document}"), "API reference");
}

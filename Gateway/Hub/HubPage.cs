using System.Reflection;
using AspireMsa.Gateway.Middleware;

namespace AspireMsa.Gateway.Hub;

/// <summary>
/// The hub's page at <c>/hub</c>: a static page and its script and styles, embedded in the gateway, that sign a reader in
/// (the API portal's public client) and browse <c>/api/hub/*</c> with the token. Public like <c>/docs</c>; the data is not.
/// </summary>
public static class HubPage
{
    public const string Path = SecurityHeadersMiddleware.HubPath;

    private static readonly (string Route, string Resource, string ContentType)[] Files =
    [
        (Path, "hub.html", "text/html; charset=utf-8"),
        ($"{Path}/hub.js", "hub.js", "text/javascript; charset=utf-8"),
        ($"{Path}/hub.css", "hub.css", "text/css; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapHubPage(this IEndpointRouteBuilder app)
    {
        foreach (var (route, resource, contentType) in Files)
        {
            var content = Read(resource);
            app.MapGet(route, () => TypedResults.Bytes(content, contentType)).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"AspireMsa.Gateway.Hub.Page.{resource}")
            ?? throw new InvalidOperationException($"The hub page's file '{resource}' is not embedded in the gateway.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

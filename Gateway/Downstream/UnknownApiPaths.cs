using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// Paths under the API prefixes that no route claims answer 404 problem details. Without this, the storefront's
/// catch-all route (<c>/{**rest}</c>) would answer an API client's mistyped path with an HTML page. The more specific
/// routes of the APIs win over these templates, as ASP.NET Core's routing prefers literal segments.
/// </summary>
public static class UnknownApiPaths
{
    public static readonly string[] Prefixes = ["/api", "/bff"];

    public static IEndpointRouteBuilder MapUnknownApiPaths(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in Prefixes)
        {
            app.Map($"{prefix}/{{**path}}", NotFound).ExcludeFromDescription();
        }

        return app;
    }

    public static ProblemHttpResult NotFound(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No API answers this path",
        detail: $"'{request.Path}' is not a route of any API behind the gateway; the API portal at /docs lists them.");
}

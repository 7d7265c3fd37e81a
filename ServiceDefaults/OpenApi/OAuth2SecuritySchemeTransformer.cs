using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace AspireMsa.ServiceDefaults.OpenApi;

/// <summary>
/// Declares the token server's OAuth 2.0 flows (password for scripts and the API portal, authorization code for browsers)
/// with the scopes this document's operations require. Document transformers run after operation transformers, so the
/// requirements are already in place to read the scopes from.
/// </summary>
internal sealed class OAuth2SecuritySchemeTransformer(IOptions<OpenApiSecurityOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scopes = RequiredScopes(document).ToDictionary(scope => scope, scope => $"Access to the {scope} API", StringComparer.Ordinal);
        // Relative to the document's server: the gateway's API portal serves the documents with itself as the server.
        var tokenUrl = new Uri(settings.TokenPath, UriKind.Relative);

        document.AddComponent<IOpenApiSecurityScheme>(OpenApiSecurityOptions.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Access tokens from the token server published at the gateway.",
            Flows = new OpenApiOAuthFlows
            {
                Password = new OpenApiOAuthFlow { TokenUrl = tokenUrl, Scopes = scopes },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri(settings.AuthorizationPath, UriKind.Relative),
                    TokenUrl = tokenUrl,
                    Scopes = scopes,
                },
            },
            // Scalar's extension: the interactive portal pre-selects these, so a token it fetches can call every operation here.
            Extensions = new Dictionary<string, IOpenApiExtension>
            {
                ["x-default-scopes"] = new JsonNodeExtension(new JsonArray([.. scopes.Keys.Select(scope => JsonValue.Create(scope))])),
            },
        });
        return Task.CompletedTask;
    }

    private static IEnumerable<string> RequiredScopes(OpenApiDocument document) =>
        document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Security ?? [])
            .SelectMany(requirement => requirement.Values)
            .SelectMany(scopes => scopes)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}

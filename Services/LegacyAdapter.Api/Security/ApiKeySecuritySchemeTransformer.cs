using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AspireMsa.LegacyAdapter.Api.Security;

/// <summary>Declares the API key in the OpenAPI document, and that every legacy operation needs it, so the portal offers the header.</summary>
public sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The legacy client's API key (the AppHost's secret parameter legacy-api-key).",
        });

        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or a wrong one: the legacy error envelope." });
        }

        return Task.CompletedTask;
    }
}

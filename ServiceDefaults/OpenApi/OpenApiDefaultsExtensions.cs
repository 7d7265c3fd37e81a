using AspireMsa.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiDefaultsExtensions
{
    /// <summary>
    /// Gives every OpenAPI document the process registers (<c>AddOpenApi</c>, under any name) the OAuth 2.0 scheme of
    /// the token server behind the gateway, and a security requirement on each operation that needs a token.
    /// A process that registers no document is unaffected.
    /// </summary>
    public static IServiceCollection AddDefaultOpenApi(this IServiceCollection services)
    {
        services.AddOptions<OpenApiSecurityOptions>()
            .BindConfiguration(OpenApiSecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // ConfigureAll reaches the named options AddOpenApi creates per document, so no service has to opt in.
        services.ConfigureAll<OpenApiOptions>(options =>
        {
            options.AddOperationTransformer<AuthorizationRequirementTransformer>();
            options.AddDocumentTransformer<OAuth2SecuritySchemeTransformer>();
        });
        return services;
    }
}

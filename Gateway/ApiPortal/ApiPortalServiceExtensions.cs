using AspireMsa.Gateway.Bff;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.ApiPortal;

public static class ApiPortalServiceExtensions
{
    /// <summary>The document fetcher behind <c>/openapi/{service}.json</c>, with its own short time budget and a small cache.</summary>
    public static IHostApplicationBuilder AddApiPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiPortalOptions>()
            .BindConfiguration(ApiPortalOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(ApiPortalOptions.HasValidServices,
                "ApiPortal:Services must map lower-case document names (a-z, 0-9, -) to absolute addresses, e.g. catalog → http://catalog.")
            .ValidateOnStart();

        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<ServiceDocumentClient>()
            .WithTimeBudget(services => services.GetRequiredService<IOptions<ApiPortalOptions>>().Value.FetchTimeout);
        return builder;
    }
}

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
            .ValidateOnStart();

        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<ServiceDocumentClient>()
            .WithTimeBudget(services => services.GetRequiredService<IOptions<ApiPortalOptions>>().Value.FetchTimeout);
        return builder;
    }
}

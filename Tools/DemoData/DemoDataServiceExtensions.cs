using Microsoft.Extensions.Options;

namespace AspireMsa.DemoData;

public static class DemoDataServiceExtensions
{
    public static IHostApplicationBuilder AddDemoDataLoader(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Discovery and the standard resilience handler come with every HttpClient (ServiceDefaults).
        builder.Services.AddHttpClient<StoreApi>((services, http) => http.BaseAddress = services.GetRequiredService<IOptions<DemoDataOptions>>().Value.Gateway);
        builder.Services.AddTransient<DemoStoreLoader>();
        return builder;
    }
}

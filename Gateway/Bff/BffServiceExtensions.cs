using AspireMsa.Gateway.Downstream;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Bff;

public static class BffServiceExtensions
{
    /// <summary>
    /// The typed clients the aggregating endpoints compose: each with its API's service from the downstream registry (the
    /// catalog's chosen per request by its canary release), the caller's token and correlation id, and its own time
    /// budget from <see cref="BffOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BffOptions>()
            .BindConfiguration(BffOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<CallerHeadersHandler>();

        builder.Services.AddDownstreamClient<CatalogClient>(api: null, options => options.CatalogTimeout);
        builder.Services.AddDownstreamClient<InventoryClient>(InventoryClient.Api, options => options.InventoryTimeout);
        builder.Services.AddDownstreamClient<OrderingClient>(OrderingClient.Api, options => options.OrderingTimeout);
        return builder;
    }

    /// <param name="api">The API whose service is the client's base address; none for a client that picks it per call.</param>
    private static void AddDownstreamClient<TClient>(this IServiceCollection services, string? api, Func<BffOptions, TimeSpan> timeout)
        where TClient : class =>
        services.AddHttpClient<TClient>((provider, http) =>
            {
                if (api is not null)
                {
                    http.BaseAddress = DownstreamOptions.AddressOf(provider.GetRequiredService<DownstreamRegistry>().ServiceFor(api));
                }
            })
            .AddHttpMessageHandler<CallerHeadersHandler>()
            .WithTimeBudget(provider => timeout(provider.GetRequiredService<IOptions<BffOptions>>().Value));
}

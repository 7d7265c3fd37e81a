using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Bff;

public static class BffServiceExtensions
{
    /// <summary>
    /// The typed clients the aggregating endpoints compose: each with its service-discovery base address, the caller's
    /// token and correlation id, and its own time budget from <see cref="BffOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BffOptions>()
            .BindConfiguration(BffOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(BffOptions.HasAbsoluteAddresses, "Bff:CatalogAddress, Bff:InventoryAddress and Bff:OrderingAddress must be absolute, e.g. http://catalog.")
            .ValidateOnStart();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<CallerHeadersHandler>();

        builder.Services.AddDownstreamClient<CatalogClient>(options => options.CatalogAddress, options => options.CatalogTimeout);
        builder.Services.AddDownstreamClient<InventoryClient>(options => options.InventoryAddress, options => options.InventoryTimeout);
        builder.Services.AddDownstreamClient<OrderingClient>(options => options.OrderingAddress, options => options.OrderingTimeout);
        return builder;
    }

    private static void AddDownstreamClient<TClient>(
        this IServiceCollection services, Func<BffOptions, Uri> address, Func<BffOptions, TimeSpan> timeout)
        where TClient : class =>
        services.AddHttpClient<TClient>((provider, http) => http.BaseAddress = address(Options(provider)))
            .AddHttpMessageHandler<CallerHeadersHandler>()
            .WithTimeBudget(provider => timeout(Options(provider)));

    private static BffOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<BffOptions>>().Value;
}

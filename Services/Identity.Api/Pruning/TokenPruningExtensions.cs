using AspireMsa.Identity.Api.Pruning;

namespace Microsoft.Extensions.Hosting;

public static class TokenPruningExtensions
{
    /// <summary>Prunes OpenIddict's old tokens and authorizations in the background (<see cref="TokenPruner"/>).</summary>
    public static IHostApplicationBuilder AddTokenPruning(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TokenPruningOptions>()
            .BindConfiguration(TokenPruningOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<TokenPruner>();
        return builder;
    }
}

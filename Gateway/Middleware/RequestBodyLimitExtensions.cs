using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Middleware;

public static class RequestBodyLimitExtensions
{
    /// <summary>Kestrel's body limit from <see cref="RequestBodyLimitOptions"/>, checked at start so a typo stops the gateway.</summary>
    public static IHostApplicationBuilder AddRequestBodyLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestBodyLimitOptions>()
            .BindConfiguration(RequestBodyLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestBodyLimitOptions>>((kestrel, limit) =>
            kestrel.Limits.MaxRequestBodySize = limit.Value.MaxRequestBodyBytes);
        return builder;
    }
}

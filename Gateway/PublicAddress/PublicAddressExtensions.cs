using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.PublicAddress;

public static class PublicAddressExtensions
{
    /// <summary>
    /// Answers only requests addressed to the gateway's public host, or to a host listed in <c>AllowedHosts</c> (the
    /// AppHost lists loopback locally), with 400 otherwise; <c>*</c> is refused at start outside Development.
    /// </summary>
    public static IHostApplicationBuilder AddPublicAddress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicAddressOptions>()
            .BindConfiguration(PublicAddressOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(PublicAddressOptions.HasAbsolutePublicUrl, "Gateway:PublicUrl must be an absolute http(s) URL, e.g. http://localhost:5080.")
            .ValidateOnStart();

        var isDevelopment = builder.Environment.IsDevelopment();
        var configured = (builder.Configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.Services.AddOptions<HostFilteringOptions>()
            // After the web host's own binding, which turns a missing AllowedHosts into "*": the list is rebuilt here.
            .PostConfigure<IOptions<PublicAddressOptions>>((options, publicAddress) =>
                options.AllowedHosts = [.. new[] { publicAddress.Value.PublicUrl?.Host }.OfType<string>().Concat(configured).Distinct(StringComparer.OrdinalIgnoreCase)])
            .Validate(options => isDevelopment || !options.AllowedHosts.Contains("*"),
                "AllowedHosts must not be '*' outside Development: list the gateway's public host(s), separated by ';'.")
            .ValidateOnStart();
        return builder;
    }
}

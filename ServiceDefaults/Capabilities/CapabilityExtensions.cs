using AspireMsa.ServiceDefaults.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class CapabilityExtensions
{
    /// <summary>
    /// Makes the service describe itself at <c>/capability</c> (mapped by <c>MapDefaultEndpoints</c>): the facts in
    /// <paramref name="description"/>, and what the service registers, which the returned builder adds datasets to.
    /// </summary>
    public static CapabilityBuilder AddCapability(this IHostApplicationBuilder builder, CapabilityDescription description)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(description);
        builder.Services.AddSingleton<CapabilityManifests>();
        return new CapabilityBuilder(builder.Services);
    }
}

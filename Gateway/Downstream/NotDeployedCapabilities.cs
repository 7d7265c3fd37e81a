using Yarp.ReverseProxy.Model;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// A route of a capability the AppHost did not deploy finds no cluster (<see cref="DownstreamRouteFilter"/>), and YARP
/// answers 503 with no body; the status-code page would only say "Service Unavailable". This names the capability and why,
/// so a client of a switched-off capability learns it is not there rather than waiting for it to come back.
/// </summary>
public static class NotDeployedCapabilities
{
    public const string Title = "Capability not deployed";

    public static IHostApplicationBuilder AddNotDeployedCapabilityProblems(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ProblemDetailsOptions>(options =>
        {
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                Describe(context);
            };
        });
        return builder;
    }

    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable
            && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is { Cluster: null } route)
        {
            context.ProblemDetails.Title = Title;
            context.ProblemDetails.Detail =
                $"'{context.HttpContext.Request.Path}' belongs to the '{route.Config.ClusterId}' capability, which this system runs without "
                + "(switched off in the AppHost's Capabilities settings).";
        }
    }
}

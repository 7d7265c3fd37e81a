using AspireMsa.Gateway.Security;
using AspireMsa.ServiceDefaults.Capabilities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMsa.Gateway.Hub;

/// <summary>
/// The capability hub: <c>/api/hub/*</c>, every deployed capability's self-description (APIs, events, datasets)
/// aggregated by discovery, for admins and analysts (<see cref="GatewayPolicies.HubReader"/>); and the page at
/// <c>/hub</c> that browses it, public like the API portal, whose data calls carry the reader's token.
/// </summary>
public static class HubApi
{
    public const string RoutePrefix = "/api/hub";

    public static RouteGroupBuilder MapCapabilityHub(this IEndpointRouteBuilder app)
    {
        app.MapHubPage();
        var api = app.MapGroup(RoutePrefix).WithTags("Hub").RequireAuthorization(GatewayPolicies.HubReader);
        api.MapGet("/capabilities", ListCapabilitiesAsync).WithName("ListCapabilities");
        api.MapGet("/capabilities/{name}", GetCapabilityAsync).WithName("GetCapability");
        api.MapGet("/events", async Task<Ok<IReadOnlyList<HubEvent>>> (CapabilityHub hub, CancellationToken ct) =>
            TypedResults.Ok((await hub.GetAsync(ct)).Events)).WithName("ListEvents");
        api.MapGet("/datasets", async Task<Ok<IReadOnlyList<HubDataset>>> (CapabilityHub hub, CancellationToken ct) =>
            TypedResults.Ok((await hub.GetAsync(ct)).Datasets)).WithName("ListDatasets");
        return api;
    }

    public static async Task<Ok<HubCapabilities>> ListCapabilitiesAsync(CapabilityHub hub, CancellationToken ct)
    {
        var catalog = await hub.GetAsync(ct);
        return TypedResults.Ok(new HubCapabilities(catalog.Capabilities, catalog.Unavailable));
    }

    public static async Task<Results<Ok<CapabilityManifest>, ProblemHttpResult>> GetCapabilityAsync(string name, CapabilityHub hub, CancellationToken ct)
    {
        var catalog = await hub.GetAsync(ct);
        if (catalog.Capabilities.FirstOrDefault(manifest => string.Equals(manifest.Metadata.Name, name, StringComparison.Ordinal)) is { } manifest)
        {
            return TypedResults.Ok(manifest);
        }

        return catalog.Unavailable.Contains(name, StringComparer.Ordinal)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The capability is not answering",
                detail: $"'{name}' is deployed, but its manifest cannot be read now; try again shortly.")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such capability",
                detail: $"No capability named '{name}' runs in this system (it may be switched off in the AppHost's Capabilities settings).");
    }
}

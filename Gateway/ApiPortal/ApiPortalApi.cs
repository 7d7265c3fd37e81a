using AspireMsa.Gateway.Bff;
using AspireMsa.Gateway.Downstream;
using AspireMsa.Gateway.Middleware;
using AspireMsa.Gateway.PublicAddress;
using AspireMsa.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>
/// One API portal at the gateway: every service's OpenAPI document at <c>/openapi/{service}.json</c>, rewritten to the
/// gateway, and one interactive UI at <c>/docs</c> that signs a user in and sends calls through the gateway.
/// </summary>
public static class ApiPortalApi
{
    public const string DocumentRoutePattern = "/openapi/{documentName}.json";

    public static IEndpointRouteBuilder MapApiPortal(this IEndpointRouteBuilder app)
    {
        var portal = app.ServiceProvider.GetRequiredService<IOptions<ApiPortalOptions>>().Value;
        var apis = app.ServiceProvider.GetRequiredService<IOptions<DownstreamOptions>>().Value.DocumentedApis();

        // Documentation is public, like the token endpoint it points to; the calls it sends are authorized as usual.
        app.MapGet("/openapi/{service}.json", GetServiceDocument)
            .WithName("GetServiceDocument")
            .ExcludeFromDescription()
            .AllowAnonymous();

        app.MapScalarApiReference(SecurityHeadersMiddleware.DocsPath, options =>
        {
            options.WithTitle("AspireMsa API portal").WithOpenApiRoutePattern(DocumentRoutePattern);
            var first = true;
            foreach (var api in apis)
            {
                options.AddDocument(api, $"{char.ToUpperInvariant(api[0])}{api[1..]} API", isDefault: first);
                first = false;
            }

            options.AddPreferredSecuritySchemes([OpenApiSecurityOptions.SchemeName])
                .AddPasswordFlow(OpenApiSecurityOptions.SchemeName, flow =>
                {
                    flow.ClientId = portal.ClientId;
                    // A public client has no secret; in the body, it is not sent as an empty Basic credential.
                    flow.CredentialsLocation = CredentialsLocation.Body;
                });
            // The page talks to this gateway only: no telemetry, fonts, AI agent or MCP from a third party.
            options.DisableTelemetry().DisableDefaultFonts().DisableAgent().DisableMcp().HideDeveloperTools();
        }).AllowAnonymous();

        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetServiceDocument(
        string service, IOptions<PublicAddressOptions> publicAddress, ServiceDocumentClient documents, CancellationToken ct)
    {
        if (!documents.Publishes(service))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such API document",
                Detail = $"The gateway publishes no OpenAPI document named '{service}'.",
            });
        }

        var fetched = await documents.GetAsync(service, ct);
        // From configuration, never from the request: a forged Host header must not point the portal's calls and password
        // form at another server.
        if (!fetched.Succeeded || !GatewayDocumentRewriter.TryRewrite(fetched.Value, publicAddress.Value.BaseUrl))
        {
            return UnavailableProblem(service, fetched.Outcome);
        }

        return TypedResults.Text(fetched.Value.ToJsonString(), "application/json");
    }

    private static ProblemHttpResult UnavailableProblem(string service, DownstreamOutcome outcome) =>
        outcome is DownstreamOutcome.TimedOut or DownstreamOutcome.Unreachable
            ? TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is not reachable",
                Detail = $"The {service} service did not answer, so its API document cannot be shown now; try again shortly.",
            })
            : TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "The service published no usable API document",
                Detail = $"The {service} service answered, but not with an OpenAPI document.",
            });
}

using AspireMsa.LegacyAdapter.Api.Contract;

namespace AspireMsa.LegacyAdapter.Api.Apis;

/// <summary>The old XML interface at <c>/legacy</c>: every operation needs the legacy client's API key, and answers XML only.</summary>
public static class LegacyApi
{
    public const string RoutePrefix = "/legacy";
    public const string ClientPolicy = "legacy-client";

    public static RouteGroupBuilder MapLegacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Legacy").RequireAuthorization(ClientPolicy);
        api.MapLegacyProductsApi();
        api.MapLegacyOrdersApi();
        // Whatever else is asked under /legacy, in any method, is answered in the envelope, not with JSON problem details.
        api.MapFallback("{**path}", NoSuchOperation).ExcludeFromDescription();
        return api;
    }

    public static LegacyXmlResult NoSuchOperation(HttpRequest request) => LegacyXmlResult.Error(new LegacyError(
        StatusCodes.Status404NotFound,
        LegacyErrorCode.NoSuchOperation,
        $"The legacy interface has no operation {request.Method} {request.Path}: it serves GET {RoutePrefix}/products, POST {RoutePrefix}/orders and GET {RoutePrefix}/orders/{{orderNo}}."));

    /// <summary>Declares an XML answer, and the envelope's statuses, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesLegacyXml(this RouteHandlerBuilder endpoint, params int[] errorStatuses)
    {
        endpoint.Produces(StatusCodes.Status200OK, contentType: LegacyXml.MediaTypes[0]);
        foreach (var status in errorStatuses.Append(StatusCodes.Status503ServiceUnavailable))
        {
            endpoint.Produces(status, contentType: LegacyXml.MediaTypes[0]);
        }

        return endpoint;
    }
}

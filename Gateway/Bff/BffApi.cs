using System.Security.Claims;
using AspireMsa.Gateway.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.Gateway.Bff;

/// <summary>
/// Gateway aggregation for the front end: one call returns what a page needs from several services, fetched in
/// parallel. A failing optional part is marked unavailable in a 200; only a failing essential part fails the call.
/// </summary>
public static class BffApi
{
    public const string RoutePrefix = "/bff";

    public static RouteGroupBuilder MapBffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("BFF");

        // Product pages are public like catalog reads; the stock part follows the inventory route's own policy. Ids bind
        // without a route constraint, so a malformed one answers problem details naming it rather than a bare 404.
        api.MapGet("/products/{id}", GetProductDetails).WithName("GetProductDetails").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout);
        api.MapGet("/orders/{id}", GetOrderDetails).WithName("GetOrderDetails").RequireAuthorization(GatewayPolicies.Customer)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout);

        return api;
    }

    public static async Task<Results<Ok<ProductDetailsResponse>, ProblemHttpResult>> GetProductDetails(
        Guid id, ClaimsPrincipal user, CatalogClient catalog, InventoryClient inventory, IAuthorizationService authorization, CancellationToken ct)
    {
        var productCall = catalog.GetProductAsync(id, ct);
        var availabilityCall = GetAvailabilityAsync(id, user, inventory, authorization, ct);
        await Task.WhenAll(productCall, availabilityCall);

        var product = await productCall;
        return product.Succeeded
            ? TypedResults.Ok(new ProductDetailsResponse(product.Value, await availabilityCall))
            : EssentialPartProblem(product, "Product", CatalogClient.Api, id);
    }

    public static async Task<Results<Ok<OrderDetailsResponse>, ProblemHttpResult>> GetOrderDetails(
        Guid id, OrderingClient ordering, CatalogClient catalog, CancellationToken ct)
    {
        var order = await ordering.GetOrderAsync(id, ct);
        if (!order.Succeeded)
        {
            return EssentialPartProblem(order, "Order", OrderingClient.Api, id);
        }

        // One catalog call per distinct product, all at once; an order holds a bounded number of lines.
        var productIds = order.Value.Lines.Select(line => line.ProductId).Distinct().ToList();
        var products = await Task.WhenAll(productIds.Select(productId => catalog.GetProductAsync(productId, ct)));
        var productById = productIds.Zip(products).ToDictionary(pair => pair.First, pair => pair.Second);

        var lines = order.Value.Lines.Select(line => OrderDetailsLine.From(line, productById[line.ProductId])).ToList();
        return TypedResults.Ok(new OrderDetailsResponse(order.Value, lines));
    }

    /// <summary>
    /// Asks inventory only when the caller passes the policy the inventory route demands, so the aggregate never shows
    /// more than the caller could read directly; any failure leaves the section unavailable instead of failing the page.
    /// </summary>
    private static async Task<AvailabilityView> GetAvailabilityAsync(
        Guid productId, ClaimsPrincipal user, InventoryClient inventory, IAuthorizationService authorization, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, GatewayPolicies.InventoryReader)).Succeeded)
        {
            return AvailabilityView.Unavailable;
        }

        var stock = await inventory.GetStockLevelAsync(productId, ct);
        return stock switch
        {
            { Succeeded: true } => AvailabilityView.From(stock.Value),
            { Outcome: DownstreamOutcome.NotFound } => AvailabilityView.NoneRecorded,
            _ => AvailabilityView.Unavailable,
        };
    }

    private static ProblemHttpResult EssentialPartProblem<T>(DownstreamResult<T> result, string part, string service, Guid id)
        where T : class => TypedResults.Problem(result.Outcome switch
        {
            DownstreamOutcome.NotFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = $"{part} not found",
                Detail = $"No {part.ToLowerInvariant()} has the id '{id}'.",
            },
            // The service's own verdict on this caller (401, 403, 400) is the answer to give.
            DownstreamOutcome.Refused => new ProblemDetails
            {
                Status = result.StatusCode,
                Title = $"The {service} service refused the request",
                Detail = $"The {service} service answered {result.StatusCode} for {part.ToLowerInvariant()} '{id}'.",
            },
            DownstreamOutcome.TimedOut => new ProblemDetails
            {
                Status = StatusCodes.Status504GatewayTimeout,
                Title = $"The {service} service did not answer in time",
                Detail = $"The {part.ToLowerInvariant()} could not be read within its time budget; try again.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = $"The {service} service failed",
                Detail = $"The {part.ToLowerInvariant()} could not be read from the {service} service; try again.",
            },
        });
}

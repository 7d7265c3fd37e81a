using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Ordering.Api.Apis;

public static class OrdersApi
{
    public const string RoutePrefix = "/api/orders";

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Orders");

        api.MapGet("/", ListOrders).WithName("ListOrders").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetOrder).WithName("GetOrder").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", PlaceOrder).WithName("PlaceOrder");

        return api;
    }

    public static async Task<Ok<PagedResult<OrderSummaryResponse>>> ListOrders(
        ClaimsPrincipal user,
        OrderingDbContext db,
        CancellationToken ct,
        [Range(1, int.MaxValue)] int page = 1,
        [Range(1, OrderRules.MaxPageSize)] int pageSize = OrderRules.DefaultPageSize)
    {
        var buyerId = BuyerIdentity.Of(user);
        var query = db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId);

        var total = await query.LongCountAsync(ct);
        var items = await query
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new OrderSummaryResponse(o.Id, o.Status, o.CreatedAt, o.Lines.Count))
            .ToListAsync(ct);

        return TypedResults.Ok(new PagedResult<OrderSummaryResponse>(items, page, pageSize, total));
    }

    /// <summary>Another buyer's order answers 404 like a missing one, so ids reveal nothing.</summary>
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, CancellationToken ct)
    {
        var buyerId = BuyerIdentity.Of(user);
        var order = await db.Orders
            .AsNoTracking()
            // At most 50 lines times a few history entries: one round trip beats splitting the query.
            .AsSingleQuery()
            .FirstOrDefaultAsync(o => o.Id == id && o.BuyerId == buyerId, ct);
        return order is null ? NotFoundProblem(id) : TypedResults.Ok(OrderResponse.From(order));
    }

    /// <summary>Answers 202: the order stays pending until stock is reserved for it.</summary>
    public static async Task<Results<Accepted<OrderAcceptedResponse>, ValidationProblem>> PlaceOrder(
        PlaceOrderRequest request, ClaimsPrincipal user, OrderingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = LineErrors(request.Lines);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var lines = request.Lines.Select(l => new OrderLine(l.ProductId, l.Quantity));
        var order = Order.Place(BuyerIdentity.Of(user), lines, clock.GetUtcNow());
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);

        return TypedResults.Accepted($"{RoutePrefix}/{order.Id}", new OrderAcceptedResponse(order.Id, order.Status));
    }

    /// <summary>The line rules data annotations cannot express: a line and a real product id on it, and each product on one line only.</summary>
    private static Dictionary<string, string[]> LineErrors(IReadOnlyList<OrderLineRequest?> lines)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < lines.Count; i++)
        {
            // JSON can carry a null line even though the request type cannot.
            var line = lines[i];
            if (line is null)
            {
                errors[$"Lines[{i}]"] = ["A line cannot be null."];
            }
            else if (line.ProductId == Guid.Empty)
            {
                errors[$"Lines[{i}].ProductId"] = ["The ProductId field is required."];
            }
        }

        var repeated = lines.OfType<OrderLineRequest>()
            .Where(l => l.ProductId != Guid.Empty)
            .GroupBy(l => l.ProductId)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (repeated.Count > 0)
        {
            errors["Lines"] = [$"Each product may appear on one line only; repeated: {string.Join(", ", repeated)}."];
        }

        return errors;
    }

    // Problem results are sent as application/problem+json; NotFound<ProblemDetails> would be plain JSON.
    private static ProblemHttpResult NotFoundProblem(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Order not found",
        Detail = $"No order has the id '{id}'.",
        Status = StatusCodes.Status404NotFound,
    });
}

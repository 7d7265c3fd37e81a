using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Model;
using AspireMsa.Ordering.Api.Saga;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AspireMsa.Ordering.Api.Apis;

public static class OrdersApi
{
    public const string RoutePrefix = "/api/orders";
    public const string AdminRoutePrefix = RoutePrefix + "/admin";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        // Orders belong to a verified buyer: the token is checked here again after the gateway (defense in depth).
        var api = app.MapGroup(RoutePrefix).WithTags("Orders").RequireAuthorization(ApiPolicies.Customer);

        api.MapGet("/", ListOrders).WithName("ListOrders").ProducesValidationProblem();
        // No :guid route constraint: a malformed id answers 400 naming it, not a 404 that says nothing.
        api.MapGet("/{id}", GetOrder).WithName("GetOrder").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", PlaceOrder)
            .WithName("PlaceOrder")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }

    public static async Task<Ok<PagedResult<OrderSummaryResponse>>> ListOrders(
        ClaimsPrincipal user,
        OrderingDbContext db,
        CancellationToken ct,
        [Range(1, OrderRules.MaxPage)] int page = 1,
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

    /// <summary>
    /// Answers 202: the order stays pending until stock is reserved for it. The order and its <c>OrderPlaced</c> event commit
    /// in one transaction. With an <c>Idempotency-Key</c>, a repeat of the request answers with the order the key placed.
    /// </summary>
    public static async Task<Results<Accepted<OrderAcceptedResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        OrderingDbContext db,
        IOutbox outbox,
        OrderingMetrics metrics,
        TimeProvider clock,
        CancellationToken ct)
    {
        var errors = LineErrors(request.Lines);
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > OrderRules.IdempotencyKeyMaxLength))
        {
            errors[IdempotencyKeyHeader] = [$"The {IdempotencyKeyHeader} header must be 1 to {OrderRules.IdempotencyKeyMaxLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var buyerId = BuyerIdentity.Of(user);
        if (idempotencyKey is not null && await FindByIdempotencyKeyAsync(db, buyerId, idempotencyKey, ct) is { } earlier)
        {
            return Repeated(earlier, request);
        }

        Order order;
        try
        {
            order = await db.ExecuteInTransactionAsync(async token =>
            {
                var placed = Order.Place(buyerId, request.Lines.Select(l => new OrderLine(l.ProductId, l.Quantity)), clock.GetUtcNow(), idempotencyKey);
                db.Orders.Add(placed);
                var lines = placed.Lines.Select(l => new OrderPlacedLine(l.ProductId, l.Quantity)).ToList();
                await outbox.EnqueueAsync(new OrderPlaced(placed.Id, buyerId, lines) { OccurredAt = placed.CreatedAt }, placed.Id, token);
                return placed;
            }, ct);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OrderingDbContext.IdempotencyKeyIndex })
        {
            // A concurrent request with the same key committed first: answer with its order.
            return Repeated((await FindByIdempotencyKeyAsync(db, buyerId, idempotencyKey, ct))!, request);
        }

        metrics.Placed();
        return Accepted(order);
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

    private static Task<Order?> FindByIdempotencyKeyAsync(OrderingDbContext db, string buyerId, string key, CancellationToken ct) =>
        db.Orders.AsNoTracking().AsSingleQuery().FirstOrDefaultAsync(o => o.BuyerId == buyerId && o.IdempotencyKey == key, ct);

    private static Accepted<OrderAcceptedResponse> Accepted(Order order) =>
        TypedResults.Accepted($"{RoutePrefix}/{order.Id}", new OrderAcceptedResponse(order.Id, order.Status));

    /// <summary>The same key with the same lines is a retry; with other lines it is a client bug that must not pass silently.</summary>
    private static Results<Accepted<OrderAcceptedResponse>, ValidationProblem, ProblemHttpResult> Repeated(Order earlier, PlaceOrderRequest request) =>
        earlier.HasLines(request.Lines.Select(l => new OrderLine(l.ProductId, l.Quantity)))
            ? Accepted(earlier)
            : TypedResults.Problem(new ProblemDetails
            {
                Title = "Idempotency key reused",
                Detail = $"The {IdempotencyKeyHeader} already placed order '{earlier.Id}' with other lines; use a new key for a new order.",
                Status = StatusCodes.Status422UnprocessableEntity,
            });

    // Problem results are sent as application/problem+json; NotFound<ProblemDetails> would be plain JSON.
    private static ProblemHttpResult NotFoundProblem(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Order not found",
        Detail = $"No order has the id '{id}'.",
        Status = StatusCodes.Status404NotFound,
    });
}

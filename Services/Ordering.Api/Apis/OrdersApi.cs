using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Messaging;
using AspireMsa.Ordering.Api.Model;
using AspireMsa.Ordering.Api.Saga;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMsa.Ordering.Api.Apis;

public static class OrdersApi
{
    public const string RoutePrefix = "/api/orders";
    public const string AdminRoutePrefix = RoutePrefix + "/admin";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string CancelledByBuyerReason = "Cancelled by the customer";

    private const int CancelAttempts = 3;

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        // Orders belong to a verified buyer: the token is checked here again after the gateway (defense in depth).
        var api = app.MapGroup(RoutePrefix).WithTags("Orders").RequireAuthorization(ApiPolicies.Customer);

        api.MapGet("/", ListOrders).WithName("ListOrders").ProducesValidationProblem();
        // No :guid route constraints: a malformed id answers 400 naming it, not a 404 that says nothing.
        api.MapGet("/{id}", GetOrder).WithName("GetOrder").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", PlaceOrder)
            .WithName("PlaceOrder")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

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
    /// A buyer with <see cref="OrderLimitsOptions.MaxPendingOrdersPerBuyer"/> pending orders gets 409 instead.
    /// </summary>
    public static async Task<Results<Accepted<OrderAcceptedResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        OrderingDbContext db,
        IOutbox outbox,
        OrderingMetrics metrics,
        TimeProvider clock,
        IOptions<OrderLimitsOptions> limits,
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

        var maxPending = limits.Value.MaxPendingOrdersPerBuyer;
        Order? order;
        try
        {
            order = await db.ExecuteInTransactionAsync(async token =>
            {
                // One buyer's placements take turns, so concurrent requests cannot all pass the count below the limit.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({buyerId}, 0))", token);
                if (await db.Orders.CountAsync(o => o.BuyerId == buyerId && o.Status == OrderStatus.Pending, token) >= maxPending)
                {
                    return null;
                }

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

        if (order is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Title = "Too many pending orders",
                Detail = $"You already have {maxPending} pending orders, the most one customer may have at once. "
                    + $"Place this order once some are confirmed or cancelled, or cancel one with POST {RoutePrefix}/{{id}}/cancel.",
                Status = StatusCodes.Status409Conflict,
            });
        }

        metrics.Placed();
        return Accepted(order);
    }

    /// <summary>
    /// Cancels the buyer's pending order and publishes <c>OrderCancelled</c> in the same transaction, so Inventory releases
    /// whatever it reserved. A reply racing the cancel loses either way: a <c>StockReserved</c> that arrives later finds the
    /// order cancelled and asks again for the release; one that committed first makes this answer 409 (the order is confirmed).
    /// </summary>
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrder(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, IOutbox outbox, OrderingMetrics metrics, TimeProvider clock, CancellationToken ct)
    {
        var buyerId = BuyerIdentity.Of(user);
        (Order? Order, bool Cancelled) result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                result = await db.ExecuteInTransactionAsync(async token =>
                {
                    var order = await db.Orders.AsSingleQuery().FirstOrDefaultAsync(o => o.Id == id && o.BuyerId == buyerId, token);
                    if (order is not { Status: OrderStatus.Pending })
                    {
                        return (order, false);
                    }

                    var now = clock.GetUtcNow();
                    order.Cancel(CancelledByBuyerReason, now);
                    await outbox.EnqueueAsync(new OrderCancelled(order.Id, CancelledByBuyerReason) { OccurredAt = now }, order.Id, token);
                    await outbox.EnqueueStatusChangedAsync(order, token);
                    return (order, true);
                }, ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < CancelAttempts)
            {
                // A stock reply, the saga timeout or a price announcement changed the order since we read it: read it again.
            }
        }

        if (result.Order is not { } order)
        {
            return NotFoundProblem(id);
        }

        if (!result.Cancelled)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Title = "Order cannot be cancelled",
                Detail = $"Order '{id}' is {order.Status}; only a pending order can be cancelled.",
                Status = StatusCodes.Status409Conflict,
            });
        }

        metrics.Cancelled("customer", order.History[^1].At - order.CreatedAt);
        return TypedResults.Ok(OrderResponse.From(order));
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

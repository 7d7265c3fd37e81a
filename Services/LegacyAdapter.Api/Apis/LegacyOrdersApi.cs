using AspireMsa.LegacyAdapter.Api.Contract;
using AspireMsa.LegacyAdapter.Api.Infrastructure;
using AspireMsa.LegacyAdapter.Api.NewApi;
using AspireMsa.LegacyAdapter.Api.Translation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Npgsql;

namespace AspireMsa.LegacyAdapter.Api.Apis;

public static class LegacyOrdersApi
{
    public static RouteGroupBuilder MapLegacyOrdersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orders", PlaceOrder)
            .WithName("PlaceLegacyOrder")
            .WithSummary("Places an order sent as <OrderRequest>; the same order number again answers with the same order.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The handler reads the body itself (hardened XML), so the document is told what it takes.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "<OrderRequest><OrderNo>A-10001</OrderNo><CustomerNo/><Items><Item sku=\"SKU-000001\" qty=\"2\"/></Items></OrderRequest>",
                    Content = LegacyXml.MediaTypes.ToDictionary(type => type, _ => new OpenApiMediaType()),
                };
                return Task.CompletedTask;
            })
            .ProducesLegacyXml(
                StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/orders/{orderNo}", GetOrder)
            .WithName("GetLegacyOrder")
            .WithSummary("An order's status in legacy codes: 01 pending, 02 confirmed, 09 cancelled.")
            .ProducesLegacyXml(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// Reads and checks the legacy order, finds each SKU's product in the catalog, and places the order through the gateway
    /// with the idempotency key of its legacy number; the link from number to order is then stored. A crash between the
    /// two is harmless: the same legacy order sent again gets the same order from the order API, and is linked then.
    /// </summary>
    public static async Task<LegacyXmlResult> PlaceOrder(HttpRequest request, [AsParameters] LegacyOrderServices services, CancellationToken ct)
    {
        var (body, bodyError) = await LegacyRequestBody.ReadAsync(request, services.Options.Value.MaxRequestBodyBytes, ct);
        if (body is null)
        {
            return LegacyXmlResult.Error(bodyError!);
        }

        if (!LegacyXml.TryLoad(body, out var document, out var xmlError))
        {
            return LegacyXmlResult.Error(xmlError);
        }

        if (!LegacyOrderParser.TryParse(document, out var order, out var orderError))
        {
            return LegacyXmlResult.Error(orderError);
        }

        var fingerprint = OrderTranslator.Fingerprint(order);
        if (await FindLinkAsync(services.Db, order.OrderNo, ct) is { } known)
        {
            return await AnswerRepeatAsync(known, fingerprint, services.Ordering, ct);
        }

        var products = await Task.WhenAll(OrderTranslator.Skus(order).Select(async sku => (Sku: sku, Product: await services.Catalog.FindBySkuAsync(sku, ct))));
        if (products.Where(found => found.Product is null).Select(found => $"'{found.Sku}'").ToList() is [_, ..] unknown)
        {
            return LegacyXmlResult.Error(LegacyError.BadRequest(LegacyErrorCode.UnknownSku, $"No product has the SKU {string.Join(", ", unknown)}."));
        }

        var placement = await services.Ordering.PlaceAsync(
            OrderTranslator.ToPlaceOrder(order, products.ToDictionary(found => found.Sku, found => found.Product!.Id, StringComparer.Ordinal)),
            OrderTranslator.IdempotencyKeyFor(order.OrderNo),
            ct);
        if (placement.Order is not { } placed)
        {
            return placement.RefusedStatus == StatusCodes.Status422UnprocessableEntity
                ? LegacyXmlResult.Error(NumberReused(order.OrderNo))
                : LegacyXmlResult.Error(new LegacyError(StatusCodes.Status409Conflict, LegacyErrorCode.OrderRefused, placement.Refusal!));
        }

        services.Db.OrderLinks.Add(new LegacyOrderLink(order.OrderNo, placed.Id, fingerprint, services.Clock.GetUtcNow()));
        try
        {
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same legacy order arrived twice at once and the other request linked it first; the order API gave both the same order.
            return await AnswerRepeatAsync((await FindLinkAsync(services.Db, order.OrderNo, ct))!, fingerprint, services.Ordering, ct);
        }

        return LegacyXmlResult.Ok(new LegacyOrderAnswer(order.OrderNo, LegacyStatusCodes.From(placed.Status)).ToXml());
    }

    public static async Task<LegacyXmlResult> GetOrder(string orderNo, LegacyDbContext db, OrderingClient ordering, CancellationToken ct)
    {
        var normalized = LegacyOrderRules.Normalize(orderNo);
        if (normalized.Length > LegacyOrderRules.OrderNoMaxLength || !LegacyOrderRules.Code().IsMatch(normalized))
        {
            return LegacyXmlResult.Error(LegacyError.BadRequest(
                LegacyErrorCode.InvalidField, $"An order number is 1 to {LegacyOrderRules.OrderNoMaxLength} letters and digits, optionally joined by single hyphens."));
        }

        var link = await FindLinkAsync(db, normalized, ct);
        var order = link is null ? null : await ordering.GetAsync(link.OrderId, ct);
        return order is null
            ? LegacyXmlResult.Error(new LegacyError(StatusCodes.Status404NotFound, LegacyErrorCode.OrderNotFound, $"No order has the number '{normalized}'."))
            : LegacyXmlResult.Ok(new LegacyOrderAnswer(normalized, LegacyStatusCodes.From(order.Status)).ToXml());
    }

    /// <summary>The same number with the same items is a retry, answered with the order's status now; with other items it is refused.</summary>
    private static async Task<LegacyXmlResult> AnswerRepeatAsync(LegacyOrderLink known, string fingerprint, OrderingClient ordering, CancellationToken ct)
    {
        if (known.Fingerprint != fingerprint)
        {
            return LegacyXmlResult.Error(NumberReused(known.LegacyOrderNo));
        }

        return await ordering.GetAsync(known.OrderId, ct) is { } order
            ? LegacyXmlResult.Ok(new LegacyOrderAnswer(known.LegacyOrderNo, LegacyStatusCodes.From(order.Status)).ToXml())
            : LegacyXmlResult.Error(new LegacyError(
                StatusCodes.Status404NotFound, LegacyErrorCode.OrderNotFound, $"Order '{known.LegacyOrderNo}' was placed, but the order API no longer knows it."));
    }

    private static LegacyError NumberReused(string orderNo) => new(
        StatusCodes.Status409Conflict,
        LegacyErrorCode.OrderNoReused,
        $"Order number '{orderNo}' already placed an order with other items; send a new number for a new order.");

    private static Task<LegacyOrderLink?> FindLinkAsync(LegacyDbContext db, string orderNo, CancellationToken ct) =>
        db.OrderLinks.AsNoTracking().FirstOrDefaultAsync(link => link.LegacyOrderNo == orderNo, ct);
}

using AspireMsa.Storefront.StoreApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.Storefront.Cart;

/// <summary>
/// The cart's form posts (antiforgery-checked, as every form post with a form-bound parameter is). Each answers with a
/// redirect, so a reload never posts twice; checkout sends the cart's idempotency key, so a double click places one order.
/// </summary>
public static class CartApi
{
    public static RouteGroupBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).ExcludeFromDescription();
        api.MapPost("/cart/items", AddAsync);
        api.MapPost("/cart/items/{productId:guid}", UpdateAsync);
        api.MapPost("/checkout", CheckoutAsync).RequireAuthorization();
        return api;
    }

    public static async Task<IResult> AddAsync(
        [FromForm] Guid productId, [FromForm] int quantity, HttpContext context, StoreApiClient store, CartStore carts, CancellationToken ct)
    {
        var product = await store.GetProductDetailsAsync(productId, ct);
        if (!product.Succeeded)
        {
            return ApiProblemPage.For(context, product);
        }

        var cart = await carts.GetAsync(ct);
        if (cart.Lines.Count >= ShoppingCart.MaxLines && cart.Lines.All(line => line.ProductId != productId))
        {
            return TypedResults.LocalRedirect("/cart?full=1");
        }

        var p = product.Value.Product;
        await carts.SaveAsync(cart.Add(p.Id, p.Name, p.Price, Math.Clamp(quantity, 1, ShoppingCart.MaxQuantity)), ct);
        return TypedResults.LocalRedirect("/cart");
    }

    public static async Task<RedirectHttpResult> UpdateAsync(Guid productId, [FromForm] int quantity, CartStore carts, CancellationToken ct)
    {
        var cart = await carts.GetAsync(ct);
        await carts.SaveAsync(cart.SetQuantity(productId, quantity), ct);
        return TypedResults.LocalRedirect("/cart");
    }

    public static async Task<IResult> CheckoutAsync(
        [FromForm] string checkoutKey, HttpContext context, StoreApiClient store, CartStore carts, CancellationToken ct)
    {
        // The same cart submitted again after its order was placed (a double click, a resent form): that order's page.
        if (await carts.GetPlacedAsync(ct) is { } placed && placed.CheckoutKey == checkoutKey)
        {
            return TypedResults.LocalRedirect($"/orders/{placed.OrderId}");
        }

        var cart = await carts.GetAsync(ct);
        if (cart.Lines.Count == 0 || cart.CheckoutKey != checkoutKey)
        {
            // An empty cart, or a page older than the cart it shows: let the shopper look again before ordering.
            return TypedResults.LocalRedirect("/cart");
        }

        var order = await store.PlaceOrderAsync(
            new PlaceOrderRequest([.. cart.Lines.Select(line => new OrderLineRequest(line.ProductId, line.Quantity))]), cart.CheckoutKey, ct);
        if (!order.Succeeded)
        {
            return ApiProblemPage.For(context, order);
        }

        await carts.CompleteAsync(new PlacedCheckout(cart.CheckoutKey, order.Value.Id), ct);
        return TypedResults.LocalRedirect($"/orders/{order.Value.Id}");
    }
}

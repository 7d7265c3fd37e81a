using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>Gateway aggregation: one BFF call composes several services, in parallel, for one page.</summary>
[Collection(SystemCollection.Name)]
public class BffTests(SystemFixture system)
{
    [Fact]
    public async Task ProductDetails_ComposeTheCatalogProductAndItsStock()
    {
        var product = await BffScenario.CreateProductWithStockAsync(system, onHand: 7);
        var alice = await system.GatewayAsAsync("alice");

        var response = await alice.GetAsync($"/bff/products/{product.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = await response.Content.ReadFromJsonAsync<ProductDetailsDto>();
        Assert.Equal(product, details!.Product);
        Assert.Equal(new AvailabilityDto("available", 7, 0, 7), details.Availability);
    }

    [Fact]
    public async Task ProductDetails_ForAnAnonymousCaller_ShowTheProductButNotTheStock()
    {
        // Stock needs the inventory route's policy; the aggregate must not show more than its parts would.
        var product = await BffScenario.CreateProductWithStockAsync(system, onHand: 3);

        var response = await system.Gateway.GetAsync($"/bff/products/{product.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(product.Id, body.GetProperty("product").GetProperty("id").GetGuid());
        var availability = body.GetProperty("availability");
        Assert.Equal("unavailable", availability.GetProperty("status").GetString());
        Assert.False(availability.TryGetProperty("onHand", out _), availability.ToString());
    }

    [Fact]
    public async Task ProductDetailsOfAnUnknownProduct_AreNotFoundProblemDetails()
    {
        var alice = await system.GatewayAsAsync("alice");

        await Problems.AssertAsync(await alice.GetAsync($"/bff/products/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrderDetails_ComposeTheOrderWithEachLinesCurrentProduct()
    {
        var product = await BffScenario.CreateProductWithStockAsync(system, onHand: 10);
        var deletedProductId = Guid.NewGuid();
        var alice = await system.GatewayAsAsync("alice");
        var place = await alice.PostAsJsonAsync("/api/orders",
            new { lines = new[] { new { productId = product.Id, quantity = 2 }, new { productId = deletedProductId, quantity = 1 } } });
        Assert.Equal(HttpStatusCode.Accepted, place.StatusCode);
        var orderId = (await place.Content.ReadFromJsonAsync<IdDto>())!.Id;

        var response = await alice.GetAsync($"/bff/orders/{orderId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = await response.Content.ReadFromJsonAsync<OrderDetailsDto>();
        Assert.Equal(orderId, details!.Order.Id);
        Assert.Equal(2, details.Order.Lines.Count);
        var known = Assert.Single(details.Lines, line => line.ProductId == product.Id);
        Assert.Equal((2, "available", product), (known.Quantity, known.ProductStatus, known.Product));
        var unknown = Assert.Single(details.Lines, line => line.ProductId == deletedProductId);
        Assert.Equal((1, "unknown", (ProductDto?)null), (unknown.Quantity, unknown.ProductStatus, unknown.Product));
    }

    [Fact]
    public async Task OrderDetailsOfAnUnknownOrder_AreNotFoundProblemDetails()
    {
        var alice = await system.GatewayAsAsync("alice");

        await Problems.AssertAsync(await alice.GetAsync($"/bff/orders/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrderDetailsWithoutAToken_Answer401ProblemDetails()
    {
        await Problems.AssertAsync(await system.Gateway.GetAsync($"/bff/orders/{Guid.NewGuid()}"), HttpStatusCode.Unauthorized);
    }

    private sealed record IdDto(Guid Id);

    private sealed record AvailabilityDto(string Status, int? OnHand, int? Reserved, int? Available);

    private sealed record ProductDetailsDto(ProductDto Product, AvailabilityDto Availability);

    private sealed record OrderLineDto(Guid ProductId, int Quantity);

    private sealed record OrderDto(Guid Id, string Status, List<OrderLineDto> Lines);

    private sealed record OrderDetailsLineDto(Guid ProductId, int Quantity, ProductDto? Product, string ProductStatus);

    private sealed record OrderDetailsDto(OrderDto Order, List<OrderDetailsLineDto> Lines);
}

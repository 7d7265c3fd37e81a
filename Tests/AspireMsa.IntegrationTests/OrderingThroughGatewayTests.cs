namespace AspireMsa.IntegrationTests;

[Collection(SystemCollection.Name)]
public class OrderingThroughGatewayTests(SystemFixture system)
{
    [Fact]
    public async Task APlacedOrder_IsPending_AndCanBeReadBackWithItsLinesAndHistory()
    {
        var productId = Guid.NewGuid();

        var place = await (await system.GatewayAsAsync("alice")).PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId, quantity = 2 } } });

        Assert.Equal(HttpStatusCode.Accepted, place.StatusCode);
        var accepted = await place.Content.ReadFromJsonAsync<OrderAcceptedDto>();
        Assert.Equal("Pending", accepted!.Status);
        Assert.Equal($"/api/orders/{accepted.Id}", place.Headers.Location?.OriginalString);

        var order = await (await system.GatewayAsAsync("alice")).GetFromJsonAsync<OrderDto>(place.Headers.Location);
        Assert.Equal(accepted.Id, order!.Id);
        var line = Assert.Single(order.Lines);
        Assert.Equal((productId, 2), (line.ProductId, line.Quantity));
        // The saga may already have decided (this product has no stock), but every order starts its history as Pending.
        Assert.Equal("Pending", order.History[0].Status);
    }

    [Fact]
    public async Task ThePlacedOrder_AppearsInTheCallersOrderList()
    {
        var place = await (await system.GatewayAsAsync("alice")).PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 1 } } });
        var accepted = await place.Content.ReadFromJsonAsync<OrderAcceptedDto>();

        var list = await (await system.GatewayAsAsync("alice")).GetFromJsonAsync<OrderListDto>("/api/orders?pageSize=100");

        Assert.Contains(list!.Items, item => item.Id == accepted!.Id);
    }

    [Fact]
    public async Task AnOrderWithoutLines_IsRejectedWithValidationProblemDetails()
    {
        var response = await (await system.GatewayAsAsync("alice")).PostAsJsonAsync("/api/orders", new { lines = Array.Empty<object>() });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnUnknownOrder_IsNotFoundProblemDetails()
    {
        await Problems.AssertAsync(await (await system.GatewayAsAsync("alice")).GetAsync($"/api/orders/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    private sealed record OrderAcceptedDto(Guid Id, string Status);

    private sealed record OrderLineDto(Guid ProductId, int Quantity);

    private sealed record StatusChangeDto(string Status, DateTimeOffset At, string? Reason);

    private sealed record OrderDto(Guid Id, string Status, List<OrderLineDto> Lines, List<StatusChangeDto> History);

    private sealed record OrderSummaryDto(Guid Id, string Status);

    private sealed record OrderListDto(List<OrderSummaryDto> Items, long TotalCount);
}

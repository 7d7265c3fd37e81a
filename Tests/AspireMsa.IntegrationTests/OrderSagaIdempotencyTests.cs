namespace AspireMsa.IntegrationTests;

/// <summary>An <c>Idempotency-Key</c> makes placing an order safe to retry: one key, one order, whatever the concurrency.</summary>
[Collection(SystemCollection.Name)]
public class OrderSagaIdempotencyTests(SystemFixture system)
{

    [Fact]
    public async Task RepeatingARequestWithTheSameKey_ReturnsTheSameOrder_AndPlacesOnlyOne()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 100);
        var key = $"checkout-{Guid.NewGuid():N}";

        // Concurrent retries race on the unique index; a later one arrives after the saga may have decided the order.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => saga.PostOrderAsync([(productId, 3)], key)));
        var firstId = (await concurrent[0].Content.ReadFromJsonAsync<OrderSagaDriver.OrderAcceptedDto>())!.Id;
        await saga.WaitForTerminalAsync(firstId);
        var later = await saga.PostOrderAsync([(productId, 3)], key);

        foreach (var response in concurrent.Append(later))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal($"/api/orders/{firstId}", response.Headers.Location?.OriginalString);
        }

        Assert.Equal("Confirmed", (await later.Content.ReadFromJsonAsync<OrderSagaDriver.OrderAcceptedDto>())!.Status);
        Assert.Equal(1L, await saga.QueryScalarAsync<long>("orderingdb", """SELECT count(*) FROM orders WHERE "IdempotencyKey" = @key""", ("key", key)));
        Assert.Equal(3, (await saga.GetStockAsync(productId))!.Reserved);
    }

    [Fact]
    public async Task ReusingAKeyForOtherLines_IsUnprocessableProblemDetails()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var key = $"checkout-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Accepted, (await saga.PostOrderAsync([(Guid.NewGuid(), 1)], key)).StatusCode);

        await Problems.AssertAsync(await saga.PostOrderAsync([(Guid.NewGuid(), 2)], key), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task AnOverlongKey_IsRejectedWithValidationProblemDetails()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var response = await saga.PostOrderAsync([(Guid.NewGuid(), 1)], new string('k', 101));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }
}

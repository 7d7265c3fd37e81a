using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AspireMsa.Storefront.StoreApi;
using Microsoft.Extensions.Logging.Abstractions;

namespace AspireMsa.UnitTests;

/// <summary>
/// How the storefront reads the gateway's answers: each failure becomes an outcome a page can explain (with the
/// problem's detail and a rate limit's wait), never an exception for the page to catch.
/// </summary>
public class StoreApiClientTests
{
    private static readonly Guid Product = Guid.NewGuid();

    [Fact]
    public async Task ARateLimitedCall_SaysHowLongToWait()
    {
        var result = await CallAsync(Answer(HttpStatusCode.TooManyRequests, "The rate limit for this client was reached.", retryAfterSeconds: 7));

        Assert.Equal(ApiOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Equal("The rate limit for this client was reached.", result.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, ApiOutcome.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized, ApiOutcome.SignInRequired)]
    [InlineData(HttpStatusCode.Forbidden, ApiOutcome.Forbidden)]
    [InlineData(HttpStatusCode.Conflict, ApiOutcome.Rejected)]
    [InlineData(HttpStatusCode.BadGateway, ApiOutcome.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, ApiOutcome.Unavailable)]
    public async Task EachFailedStatus_BecomesTheOutcomeAPageExplains(HttpStatusCode status, ApiOutcome expected)
    {
        var result = await CallAsync(Answer(status, "from the gateway"));

        Assert.Equal(expected, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal("from the gateway", result.Detail);
    }

    [Fact]
    public async Task AGatewayThatCannotBeReached_IsUnavailable_NotAnException()
    {
        var result = await CallAsync(_ => throw new HttpRequestException("Connection refused"));

        Assert.Equal(ApiOutcome.Unavailable, result.Outcome);
    }

    [Fact]
    public async Task ASuccessfulCall_CarriesTheValue_AndWhoServedIt()
    {
        var result = await CallAsync(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    $$$"""{"product":{"id":"{{{Product}}}","sku":"SKU-1","name":"Lantern","description":"","price":12.5,"category":"Outdoor","version":1},"availability":{"status":"available","onHand":3,"reserved":0,"available":3}}""",
                    Encoding.UTF8,
                    "application/json"),
            };
            response.Headers.Add(StoreApiClient.ServedByHeader, "catalog-v2");
            return response;
        });

        Assert.True(result.Succeeded);
        Assert.Equal(("Lantern", 3), (result.Value.Product.Name, result.Value.Availability.Available));
        Assert.Equal("catalog-v2", result.ServedBy);
    }

    private static Task<ApiResult<ProductDetails>> CallAsync(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var client = new StoreApiClient(new HttpClient(new AnsweringHandler(answer)) { BaseAddress = new Uri("http://gateway") }, NullLogger<StoreApiClient>.Instance);
        return client.GetProductDetailsAsync(Product, CancellationToken.None);
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> Answer(HttpStatusCode status, string detail, int? retryAfterSeconds = null) => _ =>
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($$"""{"status":{{(int)status}},"title":"t","detail":"{{detail}}"}""", Encoding.UTF8, "application/problem+json"),
        };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    };

    /// <summary>The gateway's answer, without a network: the client's mapping is what is under test.</summary>
    private sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}

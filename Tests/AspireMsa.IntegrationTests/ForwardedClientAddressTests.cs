
namespace AspireMsa.IntegrationTests;

/// <summary>
/// Rate-limit partitions follow the real client behind a trusted proxy, and nobody else can pick their partition with a
/// forged <c>X-Forwarded-For</c>. The fixture trusts <see cref="SystemFixture.TrustedProxyAddress"/>; the clients below
/// connect straight to a gateway replica from chosen loopback addresses, the token endpoint's limit (10 per client
/// address and username per minute) being the budget.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ForwardedClientAddressTests(FaultSystemFixture system)
{
    private const int TokenBudget = 10;
    private static readonly IPAddress UntrustedAddress = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task TwoClientsBehindATrustedProxy_GetSeparateBudgets()
    {
        var username = $"xff-{Guid.NewGuid():N}";
        var replica = (await GatewayReplicas.DirectAddressesAsync(system.App))[0];
        using var proxy = LoopbackSourceClient.Create(IPAddress.Parse(SystemFixture.TrustedProxyAddress), replica);

        var first = await TokenAttemptsAsync(proxy, username, TokenBudget + 1, _ => "203.0.113.10");
        var second = await TokenAttemptsAsync(proxy, username, 1, _ => "203.0.113.11");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first[..TokenBudget]);
        Assert.Equal(HttpStatusCode.TooManyRequests, first[TokenBudget]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, Assert.Single(second));
    }

    [Fact]
    public async Task AForgedForwardedFor_FromAnUntrustedAddress_ChangesNothing()
    {
        var username = $"xff-{Guid.NewGuid():N}";
        var replica = (await GatewayReplicas.DirectAddressesAsync(system.App))[0];
        using var client = LoopbackSourceClient.Create(UntrustedAddress, replica);

        // A new forged client address on every attempt: were it believed, no budget would ever run out.
        var attempts = await TokenAttemptsAsync(client, username, TokenBudget + 1, attempt => $"198.51.100.{attempt + 1}");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, attempts[..TokenBudget]);
        Assert.Equal(HttpStatusCode.TooManyRequests, attempts[TokenBudget]);
    }

    private static async Task<HttpStatusCode[]> TokenAttemptsAsync(HttpClient client, string username, int attempts, Func<int, string> forwardedFor)
    {
        var statuses = new HttpStatusCode[attempts];
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "aspiremsa-cli",
                    ["username"] = username,
                    ["password"] = "not-the-password",
                    ["scope"] = "openid",
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(attempt));
            using var response = await client.SendAsync(request);
            statuses[attempt] = response.StatusCode;
        }

        return statuses;
    }
}

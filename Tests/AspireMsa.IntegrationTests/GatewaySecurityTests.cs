using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>The gateway as the secure single entry point: default deny, token checks, roles, identity and inflow control.</summary>
[Collection(SystemCollection.Name)]
public class GatewaySecurityTests(SystemFixture system)
{
    [Fact]
    public async Task AProtectedRouteWithoutAToken_Answers401ProblemDetails()
    {
        await Problems.AssertAsync(await system.Gateway.GetAsync("/api/orders"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BrowsingProducts_NeedsNoToken()
    {
        var response = await system.Gateway.GetAsync("/api/catalog/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnsignedAlgNoneToken_IsRefused()
    {
        var real = await system.TokenAsync("alice");
        var parts = real.Split('.');
        var unsigned = $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.";

        await Problems.AssertAsync(await SendWithTokenAsync(HttpMethod.Get, "/api/orders", unsigned), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenWithATamperedPayload_IsRefused()
    {
        var parts = (await system.TokenAsync("alice")).Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        payload["role"] = JsonSerializer.SerializeToElement("admin");
        var tampered = $"{parts[0]}.{Base64Url(JsonSerializer.Serialize(payload))}.{parts[2]}";

        await Problems.AssertAsync(await SendWithTokenAsync(HttpMethod.Post, "/api/catalog/products", tampered), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AValidTokenForNoApiAudience_IsRefused()
    {
        // Signed by the real server, but asked for no API scope, so it names none of the gateway's audiences.
        var identityOnly = await system.TokenAsync("alice", "openid profile");

        await Problems.AssertAsync(await SendWithTokenAsync(HttpMethod.Get, "/api/orders", identityOnly), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokensSignedWithTheRealKey_AreRefusedForAWrongIssuerAudienceOrLifetime()
    {
        var key = await StolenSigningKey.ReadAsync(system);
        var issuer = JsonDocument.Parse(Base64UrlDecode((await system.TokenAsync("admin")).Split('.')[1])).RootElement.GetProperty("iss").GetString()!;
        var now = DateTime.UtcNow;

        // The control: a token flawed in nothing passes, so each refusal below is about its one flaw.
        var flawless = key.Sign(issuer, "catalog", now.AddMinutes(-1), now.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Created, (await SendWithTokenAsync(HttpMethod.Post, "/api/catalog/products", flawless)).StatusCode);

        foreach (var (flaw, token) in new[]
        {
            ("expired", key.Sign(issuer, "catalog", now.AddHours(-2), now.AddHours(-1))),
            ("wrong issuer", key.Sign("http://attacker.example/", "catalog", now.AddMinutes(-1), now.AddMinutes(5))),
            ("wrong audience", key.Sign(issuer, "someone-elses-api", now.AddMinutes(-1), now.AddMinutes(5))),
        })
        {
            var response = await SendWithTokenAsync(HttpMethod.Post, "/api/catalog/products", token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{flaw}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ACustomerOnAnAdminRoute_Answers403ProblemDetails()
    {
        var alice = await system.GatewayAsAsync("alice");

        var response = await alice.PostAsJsonAsync("/api/catalog/products", new { name = "Nope", description = "", price = 1m, category = "x" });

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAdminOnAnAdminRoute_Succeeds()
    {
        var admin = await system.GatewayAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/catalog/products", new { name = "Allowed", description = "", price = 1m, category = "x" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ForgedUserHeaders_DoNotChangeWhoOwnsAnOrder_AndAnotherCustomerCannotSeeIt()
    {
        var alice = await system.GatewayAsAsync("alice");
        var bob = await system.GatewayAsAsync("bob");
        var aliceId = (await alice.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        var bobId = (await bob.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 1 } } }),
        };
        forged.Headers.Add("X-User-Id", bobId);
        forged.Headers.Add("X-User-Name", "bob");
        var placed = await alice.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);

        var order = await alice.GetFromJsonAsync<JsonElement>(placed.Headers.Location);
        Assert.Equal(aliceId, order.GetProperty("buyerId").GetString());
        await Problems.AssertAsync(await bob.GetAsync(placed.Headers.Location), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RepeatedWrongLogins_Answer429WithRetryAfter_EvenAcrossGatewayReplicas()
    {
        var username = $"guesser-{Guid.NewGuid():N}";
        var refused = 0;
        HttpResponseMessage? limited = null;
        var limitedBy = new HashSet<string>(StringComparer.Ordinal);

        // Keep guessing after the limit until both replicas have refused: each must see the count the other kept.
        for (var attempt = 0; attempt < 80 && limitedBy.Count < 2; attempt++)
        {
            // A fresh connection per attempt, so the address's load balancing spreads attempts over both replicas.
            using var client = system.App.CreateHttpClient("gateway", "http");
            client.DefaultRequestHeaders.ConnectionClose = true;
            var response = await DemoUserTokens.PasswordGrantAsync(client, username, "wrong-password", "openid");

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
                limitedBy.Add(response.Headers.GetValues("X-Gateway-Instance").Single());
            }
            else
            {
                Assert.True(limited is null, "A guess got through after the limit was reached.");
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                refused++;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(10, refused);
        Assert.True(limitedBy.Count == 2, $"Only {limitedBy.Count} gateway replica(s) answered after the limit was reached.");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must say when to come back.");
        await Problems.AssertAsync(limited, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AWellFormedCorrelationId_IsEchoed_AndLoggedByTheGateway()
    {
        var correlationId = $"test-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add("X-Correlation-Id", correlationId);

        var response = await system.Gateway.SendAsync(request);

        Assert.Equal(correlationId, response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.True(await ResourceLogs.ContainsAsync(system.App, "gateway", correlationId, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheGatewaysRequestLog_RedactsTheBearerToken()
    {
        var token = await system.TokenAsync("alice");
        var correlationId = $"redact-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        request.Headers.Add("X-Correlation-Id", correlationId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await system.Gateway.SendAsync(request);

        // The request log entry (one line per header) names the correlation id; once it is there, the whole entry is.
        Assert.NotNull(await ResourceLogs.FindLineAsync(system.App, "gateway", correlationId, TimeSpan.FromSeconds(30)));
        Assert.NotNull(await ResourceLogs.FindLineAsync(system.App, "gateway", "Authorization: [Redacted]", TimeSpan.FromSeconds(5)));
        Assert.Null(await ResourceLogs.FindLineAsync(system.App, "gateway", token.Split('.')[2], TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task ABodyAboveTheLimit_Answers413ProblemDetails()
    {
        var admin = await system.GatewayAsAsync("admin");
        // A client sending a large body asks first (curl does above 1 MiB): the gateway refuses on Content-Length without
        // reading, then closes the connection, so a client that streamed the body regardless could see a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalog/products")
        {
            Content = new ByteArrayContent(new byte[2 * 1024 * 1024]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;

        await Problems.AssertAsync(await admin.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task APreflightFromTheFrontEndOrigin_IsAllowed_AndOneFromElsewhereIsNot()
    {
        var allowed = await PreflightAsync(SystemFixture.FrontEndOrigin);
        var foreign = await PreflightAsync("http://elsewhere.example");

        Assert.Equal(SystemFixture.FrontEndOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AMalformedCorrelationId_IsReplacedByAGeneratedOne()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "bad id\twith spaces");

        var response = await system.Gateway.SendAsync(request);

        Assert.Matches("^[a-f0-9]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await system.Gateway.GetAsync("/api/catalog/products");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task AnUnknownRoute_Answers404ProblemDetails()
    {
        await Problems.AssertAsync(await (await system.GatewayAsAsync("alice")).GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await system.Gateway.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = method == HttpMethod.Get ? null : JsonContent.Create(new { name = "x", description = "", price = 1m, category = "x" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await system.Gateway.SendAsync(request);
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base64UrlDecode(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}

using System.Security.Claims;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Each service enforces the gateway's policy for its routes itself (defense in depth) and accepts only access tokens:
/// a caller that reaches a service past the gateway meets the same rules.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ServiceAuthorizationTests(SystemFixture system)
{
    [Fact]
    public async Task EveryServiceCalledDirectly_WithoutAToken_Answers401()
    {
        foreach (var call in DirectServiceCall.Protected)
        {
            var response = await call.SendAsync(system, token: null);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{call}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryServiceCalledDirectly_WithTheRouteGrants_IsAllowed()
    {
        var forger = await ForgerAsync();
        foreach (var call in DirectServiceCall.Protected)
        {
            var response = await call.SendAsync(system, forger.Token(call.Scope, Grants(call.Role ?? "analyst", call.Scope)));

            // The control for the refusals below: the right role and scope pass (an unknown stock item is a 404).
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{call}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryServiceCalledDirectly_WithTheWrongScope_Answers403()
    {
        var forger = await ForgerAsync();
        foreach (var call in DirectServiceCall.Protected)
        {
            // The service's audience and the role, but a scope of another API: only the scope check can refuse it.
            var response = await call.SendAsync(system, forger.Token(call.Scope, Grants(call.Role ?? "analyst", "analytics")));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{call}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryServiceCalledDirectly_WithTheWrongRole_Answers403()
    {
        var forger = await ForgerAsync();
        foreach (var call in DirectServiceCall.Protected.Where(c => c.Role is not null))
        {
            var response = await call.SendAsync(system, forger.Token(call.Scope, Grants("analyst", call.Scope)));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{call}: {(int)response.StatusCode}");
        }

        // A real analyst's token holds every API scope, yet ordering serves customers only.
        var ana = await system.TokenAsync("ana");
        var orders = DirectServiceCall.Protected.First(c => c is { Resource: "ordering", Role: "customer" });
        await Problems.AssertAsync(await orders.SendAsync(system, ana), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ATokenThatIsNotAnAccessToken_IsRefusedByEveryServiceAndTheGateway()
    {
        var forger = await ForgerAsync();
        var idToken = (await IssuedTokens.RequestAsync(system, "admin", SystemFixture.AdminPassword, DemoUserTokens.AllApiScopes))
            .GetProperty("id_token").GetString()!;

        foreach (var call in DirectServiceCall.Protected)
        {
            // Right issuer, audience, role and scope, signed with the real key: only the "typ" says it is no access token.
            var plainJwt = forger.Token(call.Scope, Grants(call.Role ?? "analyst", call.Scope), tokenType: "JWT");

            var forged = await call.SendAsync(system, plainJwt);
            var identity = await call.SendAsync(system, idToken);

            Assert.True(forged.StatusCode == HttpStatusCode.Unauthorized, $"{call} with a JWT-typed token: {(int)forged.StatusCode}");
            Assert.True(identity.StatusCode == HttpStatusCode.Unauthorized, $"{call} with an id_token: {(int)identity.StatusCode}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        request.Headers.Authorization = new("Bearer", forger.Token("ordering", Grants("customer", "ordering"), tokenType: "JWT"));
        await Problems.AssertAsync(await system.Gateway.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    private static Claim[] Grants(string role, string scope) => [new("role", role), new("scope", scope)];

    private async Task<Forger> ForgerAsync()
    {
        var issuer = IssuedTokens.Payload(await system.TokenAsync("admin")).GetProperty("iss").GetString()!;
        return new Forger(await StolenSigningKey.ReadAsync(system), issuer);
    }

    private sealed record Forger(StolenSigningKey Key, string Issuer)
    {
        public string Token(string audience, IEnumerable<Claim> grants, string tokenType = "at+jwt")
        {
            var now = DateTime.UtcNow;
            return Key.Sign(Issuer, audience, now.AddMinutes(-1), now.AddMinutes(5), grants, tokenType);
        }
    }
}

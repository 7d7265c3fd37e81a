namespace AspireMsa.IntegrationTests;

/// <summary>
/// A protected endpoint called straight at its service, past the gateway, with what the gateway's policy on that route
/// demands: the API's audience and scope, and the role (null when any role will do).
/// </summary>
public sealed record DirectServiceCall(string Resource, HttpMethod Method, string Path, string Scope, string? Role)
{
    public static readonly IReadOnlyList<DirectServiceCall> Protected =
    [
        new("catalog-v1", HttpMethod.Post, "/api/catalog/products", "catalog", "admin"),
        new("catalog-v2", HttpMethod.Post, "/api/catalog/products", "catalog", "admin"),
        new("catalog-v1", HttpMethod.Get, "/api/catalog/admin/read-model/stats", "catalog", "admin"),
        new("ordering", HttpMethod.Get, "/api/orders", "ordering", "customer"),
        new("ordering", HttpMethod.Get, "/api/orders/admin/dead-letters", "ordering", "admin"),
        new("inventory", HttpMethod.Get, $"/api/inventory/{Guid.NewGuid()}", "inventory", null),
        new("inventory", HttpMethod.Put, $"/api/inventory/{Guid.NewGuid()}", "inventory", "admin"),
    ];

    public async Task<HttpResponseMessage> SendAsync(SystemFixture system, string? token)
    {
        using var client = system.App.CreateHttpClient(Resource, "http");
        using var request = new HttpRequestMessage(Method, Path) { Content = Body() };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public override string ToString() => $"{Method} {Resource}{Path}";

    private JsonContent? Body() => (Method.Method, Scope) switch
    {
        ("POST", "catalog") => JsonContent.Create(new { name = $"Direct {Guid.NewGuid():N}", description = "", price = 1m, category = "direct" }),
        ("PUT", "inventory") => JsonContent.Create(new { quantity = 1 }),
        _ => null,
    };
}

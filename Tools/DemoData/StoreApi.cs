using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AspireMsa.DemoData;

/// <summary>
/// The store's public APIs at the gateway, called as the admin: the password grant of the <c>aspiremsa-cli</c> client,
/// the same sign-in the AppHost's dashboard commands use. Retries and timeouts come from the standard resilience handler.
/// </summary>
public sealed class StoreApi(HttpClient http, IOptions<DemoDataOptions> options)
{
    private const string ProductsPath = "/api/catalog/products";
    private const string InventoryPath = "/api/inventory";

    // The catalog and inventory audiences, and the roles claim their admin policies check.
    private const string Scopes = "roles catalog inventory";

    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "aspiremsa-cli",
            ["username"] = settings.AdminUser,
            ["password"] = settings.AdminPassword,
            ["scope"] = Scopes,
        }), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The token endpoint refused the {settings.AdminUser} sign-in ({(int)response.StatusCode}: {body}). The password-grant client " +
                "exists only where DemoUsers:Enabled is true.");
        }

        using var token = JsonDocument.Parse(body);
        var accessToken = token.RootElement.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException("The token endpoint answered without an access token.");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <returns>The product, or <see langword="null"/> when no product has the SKU yet.</returns>
    public async Task<StoreProduct?> FindProductAsync(string sku, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"{ProductsPath}/by-sku/{Uri.EscapeDataString(sku)}", UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync<StoreProduct>(response, cancellationToken);
    }

    /// <returns>The new product, or <see langword="null"/> when another load created one with the same SKU first.</returns>
    public async Task<StoreProduct?> CreateProductAsync(DemoProduct product, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(ProductsPath, UriKind.Relative), new
        {
            product.Sku,
            product.Name,
            product.Description,
            product.Price,
            product.Category,
        }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        return await ReadAsync<StoreProduct>(response, cancellationToken);
    }

    public async Task<bool> HasStockLevelAsync(Guid productId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"{InventoryPath}/{productId}", UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    public async Task SetStockLevelAsync(Guid productId, int quantity, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(new Uri($"{InventoryPath}/{productId}", UriKind.Relative), new { quantity }, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered an empty body.");
    }

    /// <summary>Like <c>EnsureSuccessStatusCode</c>, but the exception carries the problem details the API answered.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}",
                inner: null, response.StatusCode);
        }
    }
}

using System.Net.Http.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>Product writes as the catalog's admin would make them, through the gateway.</summary>
public static class CatalogWrites
{
    /// <summary>
    /// A collection's first write may meet a cold catalog while another system starts beside this one, and outlast the
    /// gateway's 5 s per-try timeout; a client sends it again. A product an answered-504 attempt left behind is not the
    /// caller's: it follows only the product it was answered with.
    /// </summary>
    public static async Task<ProductDto> CreateProductAsync(HttpClient admin, object product)
    {
        const int Attempts = 3;
        HttpResponseMessage response;
        var attempt = 0;
        do
        {
            response = await admin.PostAsJsonAsync("/api/catalog/products", product);
        }
        while (response.StatusCode == HttpStatusCode.GatewayTimeout && ++attempt < Attempts);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }
}

using System.Globalization;
using AspireMsa.LegacyAdapter.Api.Contract;
using AspireMsa.LegacyAdapter.Api.Extensions;
using AspireMsa.LegacyAdapter.Api.NewApi;
using Microsoft.Extensions.Options;

namespace AspireMsa.LegacyAdapter.Api.Apis;

public static class LegacyProductsApi
{
    /// <summary>The catalog's last page at its largest page size, so the page number it is asked for always fits.</summary>
    public const int MaxPage = int.MaxValue / 100;

    public static RouteGroupBuilder MapLegacyProductsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products", ListProducts)
            .WithName("ListLegacyProducts")
            .WithSummary("The price list: every product's legacy SKU, name and price, a page at a time (?page=1, 2, …).")
            .ProducesLegacyXml(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary>The page is read as text, so a bad one is answered in the legacy envelope rather than by the binder.</summary>
    public static async Task<LegacyXmlResult> ListProducts(string? page, CatalogClient catalog, IOptions<LegacyAdapterOptions> options, CancellationToken ct)
    {
        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > MaxPage))
        {
            return LegacyXmlResult.Error(LegacyError.BadRequest(LegacyErrorCode.InvalidField, $"'page' must be a whole number from 1 to {MaxPage}."));
        }

        var pageSize = options.Value.ProductsPageSize;
        var products = await catalog.ListAsync(number, pageSize, ct);
        var pageCount = (int)Math.Max(1, (products.TotalCount + pageSize - 1) / pageSize);
        var priceList = new LegacyPriceList(
            number, pageCount, products.TotalCount, [.. products.Items.Select(product => new LegacyProduct(product.Sku, product.Name, product.Price))]);
        return LegacyXmlResult.Ok(priceList.ToXml());
    }
}

using System.Globalization;
using System.Xml.Linq;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>
/// One page of the legacy price list:
/// <c>&lt;Products page="1" pageCount="3" total="250"&gt;&lt;Product sku=""&gt;&lt;Name/&gt;&lt;Price/&gt;&lt;/Product&gt;…&lt;/Products&gt;</c>,
/// prices with two decimals and a point, whatever the server's culture.
/// </summary>
public sealed record LegacyPriceList(int Page, int PageCount, long Total, IReadOnlyList<LegacyProduct> Products)
{
    public XDocument ToXml() => new(new XElement(
        "Products",
        new XAttribute("page", Page),
        new XAttribute("pageCount", PageCount),
        new XAttribute("total", Total),
        Products.Select(product => new XElement(
            "Product",
            new XAttribute("sku", product.Sku),
            new XElement("Name", product.Name),
            new XElement("Price", product.Price.ToString("0.00", CultureInfo.InvariantCulture))))));
}

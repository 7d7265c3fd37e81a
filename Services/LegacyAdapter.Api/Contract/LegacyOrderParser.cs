using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>
/// Reads <c>&lt;OrderRequest&gt;&lt;OrderNo/&gt;&lt;CustomerNo/&gt;&lt;Items&gt;&lt;Item sku="" qty=""/&gt;&lt;/Items&gt;&lt;/OrderRequest&gt;</c>
/// and checks it against the legacy contract, naming the first field that breaks it. Elements the contract does not
/// know are ignored, as the old interface ignored them.
/// </summary>
public static class LegacyOrderParser
{
    public const string RootElement = "OrderRequest";

    public static bool TryParse(XDocument document, [NotNullWhen(true)] out LegacyOrderRequest? order, [NotNullWhen(false)] out LegacyError? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        order = null;
        var root = document.Root!;
        if (root.Name != RootElement)
        {
            error = LegacyError.BadRequest(LegacyErrorCode.InvalidField, $"The document must be an <{RootElement}>, not <{root.Name}>.");
            return false;
        }

        if (!TryReadCode(root.Element("OrderNo")?.Value, "OrderNo", LegacyOrderRules.OrderNoMaxLength, out var orderNo, out error))
        {
            return false;
        }

        var itemElements = root.Element("Items")?.Elements("Item").ToList() ?? [];
        if (itemElements.Count == 0)
        {
            error = LegacyError.MissingField("Items/Item");
            return false;
        }

        if (itemElements.Count > LegacyOrderRules.MaxItems)
        {
            error = LegacyError.BadRequest(LegacyErrorCode.InvalidField, $"An order holds at most {LegacyOrderRules.MaxItems} items; this one has {itemElements.Count}.");
            return false;
        }

        var items = new List<LegacyOrderItem>(itemElements.Count);
        for (var i = 0; i < itemElements.Count; i++)
        {
            if (!TryReadItem(itemElements[i], $"Items/Item[{i + 1}]", out var item, out error))
            {
                return false;
            }

            items.Add(item);
        }

        // The old interface let one SKU appear on several items; together they are one line of the new order.
        if (items.GroupBy(item => item.Sku).FirstOrDefault(sku => sku.Sum(item => item.Quantity) > LegacyOrderRules.MaxQuantity) is { } tooMany)
        {
            error = LegacyError.BadRequest(
                LegacyErrorCode.InvalidQuantity,
                $"SKU '{tooMany.Key}' is ordered {tooMany.Sum(item => item.Quantity)} times; at most {LegacyOrderRules.MaxQuantity} of one SKU per order.");
            return false;
        }

        var customerNo = root.Element("CustomerNo")?.Value.Trim();
        order = new LegacyOrderRequest(orderNo, string.IsNullOrEmpty(customerNo) ? null : customerNo, items);
        error = null;
        return true;
    }

    private static bool TryReadItem(XElement element, string path, [NotNullWhen(true)] out LegacyOrderItem? item, [NotNullWhen(false)] out LegacyError? error)
    {
        item = null;
        if (!TryReadCode(element.Attribute("sku")?.Value, $"{path}/@sku", LegacyOrderRules.SkuMaxLength, out var sku, out error))
        {
            return false;
        }

        var qty = element.Attribute("qty")?.Value.Trim();
        if (string.IsNullOrEmpty(qty))
        {
            error = LegacyError.MissingField($"{path}/@qty");
            return false;
        }

        if (!int.TryParse(qty, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0 || quantity > LegacyOrderRules.MaxQuantity)
        {
            error = LegacyError.BadRequest(
                LegacyErrorCode.InvalidQuantity, $"'{path}/@qty' must be a whole number from 1 to {LegacyOrderRules.MaxQuantity}, not '{Cut(qty)}'.");
            return false;
        }

        item = new LegacyOrderItem(sku, quantity);
        return true;
    }

    private static bool TryReadCode(string? value, string field, int maxLength, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out LegacyError? error)
    {
        code = null;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = LegacyError.MissingField(field);
            return false;
        }

        if (trimmed.Length > maxLength || !LegacyOrderRules.Code().IsMatch(trimmed))
        {
            error = LegacyError.BadRequest(
                LegacyErrorCode.InvalidField,
                $"'{field}' must be 1 to {maxLength} letters and digits, optionally joined by single hyphens, not '{Cut(trimmed)}'.");
            return false;
        }

        code = LegacyOrderRules.Normalize(trimmed);
        error = null;
        return true;
    }

    /// <summary>Echoes at most a few characters of what was sent, so an error never carries a large or odd payload back.</summary>
    private static string Cut(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 39), "…");
}

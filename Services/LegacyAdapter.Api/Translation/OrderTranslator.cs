using System.Security.Cryptography;
using System.Text;
using AspireMsa.LegacyAdapter.Api.Contract;
using AspireMsa.LegacyAdapter.Api.NewApi;

namespace AspireMsa.LegacyAdapter.Api.Translation;

/// <summary>
/// The anti-corruption layer's one translation of an order: legacy items by SKU become the new API's lines by product id,
/// repeated SKUs one line, and the legacy order number the idempotency key that makes placing it twice impossible.
/// </summary>
public static class OrderTranslator
{
    public const string IdempotencyKeyPrefix = "legacy-";

    /// <summary>One key per legacy order number: the order API answers a repeat of it with the order placed first.</summary>
    public static string IdempotencyKeyFor(string legacyOrderNo) => IdempotencyKeyPrefix + LegacyOrderRules.Normalize(legacyOrderNo);

    /// <summary>The distinct SKUs of the order, in the order they first appear.</summary>
    public static IReadOnlyList<string> Skus(LegacyOrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return [.. order.Items.Select(item => item.Sku).Distinct(StringComparer.Ordinal)];
    }

    /// <param name="productIds">The catalog's product id for every SKU of the order.</param>
    public static PlaceOrderRequest ToPlaceOrder(LegacyOrderRequest order, IReadOnlyDictionary<string, Guid> productIds)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(productIds);
        return new PlaceOrderRequest([.. MergedItems(order).Select(item => new OrderLineRequest(productIds[item.Sku], item.Quantity))]);
    }

    /// <summary>
    /// What the order asks for, whatever the order of its items or how a SKU's quantity is split among them: a repeat of
    /// a legacy order number is the same order only when this matches.
    /// </summary>
    public static string Fingerprint(LegacyOrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var canonical = string.Join(';', MergedItems(order).OrderBy(item => item.Sku, StringComparer.Ordinal).Select(item => $"{item.Sku}:{item.Quantity}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static IEnumerable<LegacyOrderItem> MergedItems(LegacyOrderRequest order) =>
        order.Items.GroupBy(item => item.Sku, StringComparer.Ordinal).Select(sku => new LegacyOrderItem(sku.Key, sku.Sum(item => item.Quantity)));
}

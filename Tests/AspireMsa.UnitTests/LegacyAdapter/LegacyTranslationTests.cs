using AspireMsa.LegacyAdapter.Api.Contract;
using AspireMsa.LegacyAdapter.Api.NewApi;
using AspireMsa.LegacyAdapter.Api.Translation;

namespace AspireMsa.UnitTests.LegacyAdapter;

/// <summary>The anti-corruption layer's translation: legacy items by SKU into the new API's lines, numbers into keys, states into codes.</summary>
public class LegacyTranslationTests
{
    private static readonly Guid Hat = Guid.NewGuid();
    private static readonly Guid Scarf = Guid.NewGuid();
    private static readonly Dictionary<string, Guid> Products = new(StringComparer.Ordinal) { ["SKU-1"] = Hat, ["SKU-2"] = Scarf };

    [Fact]
    public void ItemsOfOneSku_BecomeOneLineOfTheNewOrder_ByProductId()
    {
        var order = new LegacyOrderRequest("A-1", null, [new("SKU-1", 1), new("SKU-2", 5), new("SKU-1", 2)]);

        var placed = OrderTranslator.ToPlaceOrder(order, Products);

        Assert.Equal([new OrderLineRequest(Hat, 3), new OrderLineRequest(Scarf, 5)], placed.Lines);
        Assert.Equal(["SKU-1", "SKU-2"], OrderTranslator.Skus(order));
    }

    [Fact]
    public void TheIdempotencyKey_IsTheLegacyOrderNumber_WhateverItsCase()
    {
        Assert.Equal("legacy-A-10001", OrderTranslator.IdempotencyKeyFor("a-10001"));
        Assert.Equal(OrderTranslator.IdempotencyKeyFor("A-10001"), OrderTranslator.IdempotencyKeyFor(" a-10001 "));
    }

    [Fact]
    public void TheFingerprint_IsTheSameForTheSameGoods_InAnyOrderOrSplit_AndDiffersForOtherGoods()
    {
        var order = new LegacyOrderRequest("A-1", null, [new("SKU-1", 2), new("SKU-2", 1)]);
        var reordered = new LegacyOrderRequest("A-1", "C-9", [new("SKU-2", 1), new("SKU-1", 1), new("SKU-1", 1)]);
        var other = new LegacyOrderRequest("A-1", null, [new("SKU-1", 3), new("SKU-2", 1)]);

        Assert.Equal(OrderTranslator.Fingerprint(order), OrderTranslator.Fingerprint(reordered));
        Assert.NotEqual(OrderTranslator.Fingerprint(order), OrderTranslator.Fingerprint(other));
        Assert.Equal(64, OrderTranslator.Fingerprint(order).Length);
    }

    [Theory]
    [InlineData(OrderStatus.Pending, "01")]
    [InlineData(OrderStatus.Confirmed, "02")]
    [InlineData(OrderStatus.Cancelled, "09")]
    public void EachNewOrderState_HasItsLegacyStatusCode(OrderStatus status, string code) =>
        Assert.Equal(code, LegacyStatusCodes.From(status));

    [Fact]
    public void AStateTheLegacyInterfaceHasNoCodeFor_IsRefused_NotGuessed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LegacyStatusCodes.From((OrderStatus)42));

    [Fact]
    public void ThePriceList_ShowsPricesWithTwoDecimalsAndAPoint()
    {
        var list = new LegacyPriceList(1, 1, 1, [new LegacyProduct("SKU-1", "Hat & scarf", 12.5m)]).ToXml()
            .ToString(System.Xml.Linq.SaveOptions.DisableFormatting);

        Assert.Equal(
            "<Products page=\"1\" pageCount=\"1\" total=\"1\"><Product sku=\"SKU-1\"><Name>Hat &amp; scarf</Name><Price>12.50</Price></Product></Products>",
            list);
    }
}

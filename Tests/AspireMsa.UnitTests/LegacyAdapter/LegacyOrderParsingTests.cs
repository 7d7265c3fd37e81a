using System.Diagnostics;
using System.Text;
using AspireMsa.LegacyAdapter.Api.Contract;

namespace AspireMsa.UnitTests.LegacyAdapter;

/// <summary>The legacy order XML as the adapter reads it: the recorded payloads, what the contract refuses, and the hardening.</summary>
public class LegacyOrderParsingTests
{
    [Fact]
    public void TheRecordedOrder_IsRead_WithItsNumberAndSkusInUpperCase()
    {
        var order = Parse(LegacyPayload.Read("order.xml"));

        Assert.Equal("A-10001", order.OrderNo);
        Assert.Equal("C-0042", order.CustomerNo);
        Assert.Equal([new LegacyOrderItem("SKU-000123", 2)], order.Items);
    }

    [Fact]
    public void AnOrderWithUnknownElementsAndARepeatedSku_IsRead_AsTheOldInterfaceReadIt()
    {
        var order = Parse(LegacyPayload.Read("order-split-items.xml"));

        Assert.Null(order.CustomerNo);
        Assert.Equal([new LegacyOrderItem("SKU-000123", 1), new LegacyOrderItem("SKU-000123", 1)], order.Items);
    }

    [Theory]
    [InlineData("order-xxe.xml")]
    [InlineData("order-billion-laughs.xml")]
    public void ADocumentTypeDeclaration_IsRefused_BeforeAnyEntityIsExpandedOrResolved(string payload)
    {
        var watch = Stopwatch.StartNew();

        Assert.False(LegacyXml.TryLoad(LegacyPayload.Read(payload), out var document, out var error));

        Assert.Null(document);
        Assert.Equal(400, error.Status);
        Assert.Equal(LegacyErrorCode.DtdNotAllowed, error.Code);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "An expansion would have taken far longer.");
    }

    [Fact]
    public void ADtdInAnotherEncoding_IsRefusedAsWell()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(
            Encoding.UTF8.GetString(LegacyPayload.Read("order-xxe.xml")).Replace("utf-8", "utf-16", StringComparison.Ordinal))).ToArray();

        Assert.False(LegacyXml.TryLoad(utf16, out _, out var error));

        Assert.Equal(400, error.Status);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order-malformed.xml", LegacyErrorCode.MalformedXml, "Line")]
    [InlineData("order-missing-order-no.xml", LegacyErrorCode.MissingField, "'OrderNo'")]
    [InlineData("order-no-items.xml", LegacyErrorCode.MissingField, "'Items/Item'")]
    [InlineData("order-zero-quantity.xml", LegacyErrorCode.InvalidQuantity, "'Items/Item[1]/@qty'")]
    [InlineData("order-negative-quantity.xml", LegacyErrorCode.InvalidQuantity, "not '-3'")]
    public void ARecordedBadOrder_IsRefused400_NamingTheFieldAndTheReason(string payload, string code, string named)
    {
        var error = Refusal(LegacyPayload.Read(payload));

        Assert.Equal(400, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<OrderRequest><OrderNo>A 1</OrderNo><Items><Item sku=\"S-1\" qty=\"1\"/></Items></OrderRequest>", LegacyErrorCode.InvalidField, "'OrderNo'")]
    [InlineData("<OrderRequest><OrderNo>A-1</OrderNo><Items><Item qty=\"1\"/></Items></OrderRequest>", LegacyErrorCode.MissingField, "'Items/Item[1]/@sku'")]
    [InlineData("<OrderRequest><OrderNo>A-1</OrderNo><Items><Item sku=\"S/1\" qty=\"1\"/></Items></OrderRequest>", LegacyErrorCode.InvalidField, "@sku")]
    [InlineData("<OrderRequest><OrderNo>A-1</OrderNo><Items><Item sku=\"S-1\"/></Items></OrderRequest>", LegacyErrorCode.MissingField, "@qty")]
    [InlineData("<OrderRequest><OrderNo>A-1</OrderNo><Items><Item sku=\"S-1\" qty=\"1.5\"/></Items></OrderRequest>", LegacyErrorCode.InvalidQuantity, "not '1.5'")]
    [InlineData("<OrderRequest><OrderNo>A-1</OrderNo><Items><Item sku=\"S-1\" qty=\"1001\"/></Items></OrderRequest>", LegacyErrorCode.InvalidQuantity, "1 to 1000")]
    [InlineData("<OrderRequest><OrderNo>A-1</OrderNo><Items><Item sku=\"S-1\" qty=\"600\"/><Item sku=\"s-1\" qty=\"600\"/></Items></OrderRequest>", LegacyErrorCode.InvalidQuantity, "'S-1' is ordered 1200 times")]
    [InlineData("<Order><OrderNo>A-1</OrderNo></Order>", LegacyErrorCode.InvalidField, "<OrderRequest>")]
    [InlineData("", LegacyErrorCode.MalformedXml, "not well-formed")]
    [InlineData("<?xml version=\"1.0\" encoding=\"no-such-charset\"?><OrderRequest/>", LegacyErrorCode.MalformedXml, "not well-formed")]
    public void AnOrderThatBreaksTheContract_IsRefused400_NamingWhatIsWrong(string xml, string code, string named)
    {
        var error = Refusal(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(400, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreItemsThanTheNewOrderApiTakes_AreRefused()
    {
        var items = string.Concat(Enumerable.Range(1, LegacyOrderRules.MaxItems + 1).Select(i => $"<Item sku=\"S-{i}\" qty=\"1\"/>"));

        var error = Refusal(Encoding.UTF8.GetBytes($"<OrderRequest><OrderNo>A-1</OrderNo><Items>{items}</Items></OrderRequest>"));

        Assert.Equal(LegacyErrorCode.InvalidField, error.Code);
        Assert.Contains("at most 50 items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorEnvelope_IsTheLegacyErrorShape()
    {
        var envelope = LegacyError.MissingField("OrderNo").ToXml().ToString(System.Xml.Linq.SaveOptions.DisableFormatting);

        Assert.Equal("<Error><Status>400</Status><Code>MISSING_FIELD</Code><Message>'OrderNo' is required.</Message></Error>", envelope);
    }

    private static LegacyOrderRequest Parse(byte[] body)
    {
        Assert.True(LegacyXml.TryLoad(body, out var document, out var xmlError), xmlError?.Message);
        Assert.True(LegacyOrderParser.TryParse(document, out var order, out var error), error?.Message);
        return order;
    }

    private static LegacyError Refusal(byte[] body)
    {
        if (!LegacyXml.TryLoad(body, out var document, out var xmlError))
        {
            return xmlError;
        }

        Assert.False(LegacyOrderParser.TryParse(document, out _, out var error));
        return error;
    }
}

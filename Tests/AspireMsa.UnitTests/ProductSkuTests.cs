using AspireMsa.Catalog.Api.Model;

namespace AspireMsa.UnitTests;

public class ProductSkuTests
{
    [Theory]
    [InlineData(1, "SKU-000001")]
    [InlineData(123, "SKU-000123")]
    [InlineData(1234567, "SKU-1234567")]
    public void AnAssignedSku_IsTheSequenceNumberInSixDigitsAtLeast(long number, string sku)
    {
        Assert.Equal(sku, ProductSku.Format(number));
    }

    [Fact]
    public void SkusAreComparedInUpperCase_WithoutSurroundingSpace()
    {
        Assert.Equal("SKU-000123", ProductSku.Normalize(" sku-000123 "));
    }

    [Theory]
    [InlineData("SKU-000123", true, 123)]
    [InlineData("SKU-ABC", false, 0)]
    [InlineData("LEGACY-000123", false, 0)]
    public void OnlyASkuOfTheSequencesOwnFormat_HasANumberToMoveTheSequencePast(string sku, bool hasNumber, long number)
    {
        Assert.Equal(hasNumber, ProductSku.TryGetNumber(sku, out var parsed));
        Assert.Equal(number, parsed);
    }
}

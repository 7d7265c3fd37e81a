using AspireMsa.Catalog.Api.Model;

namespace AspireMsa.UnitTests;

public class ProductSlugTests
{
    [Theory]
    [InlineData("Trail shoe", "trail-shoe")]
    [InlineData("Café Crème Mug", "café-crème-mug")]
    [InlineData("  10\" Pan -- (cast iron)! ", "10-pan-cast-iron")]
    [InlineData("???", "")]
    public void ASlug_KeepsLettersAndDigitsInLowerCase_AndJoinsTheRestWithSingleHyphens(string name, string slug)
    {
        Assert.Equal(slug, ProductSlug.From(name));
    }
}

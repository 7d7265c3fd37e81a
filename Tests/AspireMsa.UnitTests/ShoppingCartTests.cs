using AspireMsa.Storefront.Authentication;
using AspireMsa.Storefront.Cart;
using AspireMsa.Storefront.Extensions;

namespace AspireMsa.UnitTests;

/// <summary>The storefront's cart rules and the guards of its redirects and prices, without a browser.</summary>
public class ShoppingCartTests
{
    private static readonly Guid Lantern = Guid.NewGuid();
    private static readonly Guid Kettle = Guid.NewGuid();

    [Fact]
    public void AddingAProductTwice_AddsToItsQuantity_InOneLine()
    {
        var cart = ShoppingCart.Empty().Add(Lantern, "Lantern", 12.5m, 1).Add(Kettle, "Kettle", 20m, 2).Add(Lantern, "Lantern", 12.5m, 2);

        Assert.Equal([(Lantern, 3), (Kettle, 2)], cart.Lines.Select(line => (line.ProductId, line.Quantity)));
        Assert.Equal(77.5m, cart.Total);
        Assert.Equal(5, cart.ItemCount);
    }

    [Fact]
    public void AQuantity_IsCappedAtTheMaximum_AndZeroRemovesTheLine()
    {
        var cart = ShoppingCart.Empty().Add(Lantern, "Lantern", 1m, ShoppingCart.MaxQuantity).Add(Lantern, "Lantern", 1m, 5);
        Assert.Equal(ShoppingCart.MaxQuantity, cart.Lines.Single().Quantity);

        Assert.Empty(cart.SetQuantity(Lantern, 0).Lines);
        Assert.Equal(ShoppingCart.MaxQuantity, cart.SetQuantity(Lantern, 1000).Lines.Single().Quantity);
    }

    [Fact]
    public void ACartKeepsItsCheckoutKey_AsItChanges_AndANewCartGetsANewOne()
    {
        var cart = ShoppingCart.Empty();
        var changed = cart.Add(Lantern, "Lantern", 1m, 1).SetQuantity(Lantern, 3);

        // One key per cart: every submission of it is one order; the next cart is another order.
        Assert.Equal(cart.CheckoutKey, changed.CheckoutKey);
        Assert.NotEqual(cart.CheckoutKey, ShoppingCart.Empty().CheckoutKey);
    }

    [Theory]
    [InlineData("/cart", "/cart")]
    [InlineData("/orders/1?x=2", "/orders/1?x=2")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void SignIn_ReturnsOnlyIntoTheStore(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInApi.LocalOrHome(returnUrl));

    [Fact]
    public void Prices_AreShownInTheStoresCurrency_WithoutCultureData() =>
        Assert.Equal(["$12.50", "$1,234.00", "-$3.10"], new[] { 12.5m, 1234m, -3.1m }.Select(Money.Of));
}

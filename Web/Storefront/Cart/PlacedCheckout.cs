namespace AspireMsa.Storefront.Cart;

/// <summary>The last checkout of this session: a repeated submission of the same cart goes to the order it placed.</summary>
public sealed record PlacedCheckout(string CheckoutKey, Guid OrderId);

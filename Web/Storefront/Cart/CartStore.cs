using System.Text.Json;

namespace AspireMsa.Storefront.Cart;

/// <summary>
/// Reads and writes the cart in the session, which ASP.NET Core keeps in the distributed cache (Redis): the cart
/// follows the shopper to whichever replica serves the next request, and survives a replica's stop.
/// </summary>
public sealed class CartStore(IHttpContextAccessor contextAccessor)
{
    private const string CartKey = "cart";
    private const string PlacedKey = "cart:placed";

    private ISession Session => contextAccessor.HttpContext?.Session
        ?? throw new InvalidOperationException("The cart is read within a request that has a session.");

    public async Task<ShoppingCart> GetAsync(CancellationToken ct)
    {
        await Session.LoadAsync(ct);
        return Read<ShoppingCart>(CartKey) ?? ShoppingCart.Empty();
    }

    public async Task SaveAsync(ShoppingCart cart, CancellationToken ct)
    {
        Session.SetString(CartKey, JsonSerializer.Serialize(cart));
        await Session.CommitAsync(ct);
    }

    public async Task<PlacedCheckout?> GetPlacedAsync(CancellationToken ct)
    {
        await Session.LoadAsync(ct);
        return Read<PlacedCheckout>(PlacedKey);
    }

    /// <summary>Empties the cart under a new checkout key, and remembers which order the old key placed.</summary>
    public async Task CompleteAsync(PlacedCheckout placed, CancellationToken ct)
    {
        Session.SetString(PlacedKey, JsonSerializer.Serialize(placed));
        Session.SetString(CartKey, JsonSerializer.Serialize(ShoppingCart.Empty()));
        await Session.CommitAsync(ct);
    }

    private T? Read<T>(string key) where T : class =>
        Session.GetString(key) is { } json ? JsonSerializer.Deserialize<T>(json) : null;
}

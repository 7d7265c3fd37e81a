using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// A buyer's key in the warehouse: HMAC-SHA256 of the buyer id under a secret key, so reports can count and follow
/// customers without holding who they are. The same buyer always gets the same key (while the secret stays the same), and
/// without the secret a key cannot be recomputed from a guessed id, which a plain hash of an id would allow.
/// </summary>
public sealed class CustomerPseudonyms(IOptions<WarehouseOptions> options)
{
    /// <summary>128 bits: no collisions among any realistic number of buyers, half the width of the full MAC.</summary>
    private const int KeyBytes = 16;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.CustomerKey);

    public string KeyOf(string buyerId)
    {
        ArgumentNullException.ThrowIfNull(buyerId);
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(buyerId));
        return Convert.ToHexStringLower(mac.AsSpan(0, KeyBytes));
    }
}

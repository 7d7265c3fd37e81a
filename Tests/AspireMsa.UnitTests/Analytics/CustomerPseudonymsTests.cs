using System.Security.Cryptography;
using System.Text;
using AspireMsa.Analytics.Api.Warehouse;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>Pseudonymised buyers: stable keys that say nothing of the id without the secret.</summary>
public class CustomerPseudonymsTests
{
    private static CustomerPseudonyms With(string secret) => new(Options.Create(new WarehouseOptions { CustomerKey = secret }));

    [Fact]
    public void TheSameBuyer_GetsTheSameKey_AndAnotherBuyerAnother()
    {
        var pseudonyms = With(new string('s', 32));

        Assert.Equal(pseudonyms.KeyOf("alice"), pseudonyms.KeyOf("alice"));
        Assert.NotEqual(pseudonyms.KeyOf("alice"), pseudonyms.KeyOf("bob"));
        Assert.Matches("^[0-9a-f]{32}$", pseudonyms.KeyOf("alice"));
    }

    [Fact]
    public void AKey_DependsOnTheSecret_SoAPlainHashOfAGuessedIdDoesNotFindIt()
    {
        var key = With(new string('s', 32)).KeyOf("alice");

        Assert.NotEqual(key, With(new string('t', 32)).KeyOf("alice"));
        Assert.DoesNotContain(key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("alice"))), StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace AspireMsa.Storefront.Authentication;

/// <summary>
/// Keeps sign-in tickets (with their access and refresh tokens) in Redis, so the cookie holds only a random key and any
/// replica can read the ticket. ASP.NET Core ships the <see cref="ITicketStore"/> seam but no distributed implementation;
/// the ticket is serialized and encrypted with the shared DataProtection ring, so a Redis dump alone reveals no token.
/// </summary>
public sealed class RedisTicketStore(IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider clock) : ITicketStore
{
    private const string KeyPrefix = "ticket:";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("AspireMsa.Storefront.Tickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8) };
        return cache.SetAsync(KeyPrefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), entry);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(KeyPrefix + key);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A ticket written under a key ring that is gone: the user signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(KeyPrefix + key);
}

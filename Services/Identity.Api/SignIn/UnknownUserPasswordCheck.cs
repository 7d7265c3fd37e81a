using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace AspireMsa.Identity.Api.SignIn;

/// <summary>
/// Verifies the password against a dummy hash made by the same hasher, so an unknown user name costs what a known one
/// with a wrong password costs, and response times do not tell which names exist.
/// </summary>
public sealed class UnknownUserPasswordCheck(IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new("unknown-user");
    private static string? s_dummyHash;

    public void Verify(string password)
    {
        var hash = s_dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}

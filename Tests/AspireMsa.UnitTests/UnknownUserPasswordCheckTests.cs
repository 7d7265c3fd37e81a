using AspireMsa.Identity.Api.SignIn;
using Microsoft.AspNetCore.Identity;

namespace AspireMsa.UnitTests;

public class UnknownUserPasswordCheckTests
{
    [Fact]
    public void AnUnknownUserName_CostsAVerificationAgainstAHashMadeByTheSameHasher()
    {
        var hasher = new RecordingHasher();
        var check = new UnknownUserPasswordCheck(hasher);

        check.Verify("guess-1");
        check.Verify("guess-2");

        // The same work a known user with a wrong password costs: one full verification per attempt, of a real hash.
        Assert.Equal(["guess-1", "guess-2"], hasher.Verified.Select(v => v.Password));
        Assert.All(hasher.Verified, v => Assert.NotEqual(PasswordVerificationResult.Success, v.Result));
        Assert.All(hasher.Verified, v => Assert.Contains(v.Hash, hasher.Produced));
    }

    private sealed class RecordingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _real = new();

        public List<string> Produced { get; } = [];

        public List<(string Hash, string Password, PasswordVerificationResult Result)> Verified { get; } = [];

        public string HashPassword(IdentityUser user, string password)
        {
            var hash = _real.HashPassword(user, password);
            Produced.Add(hash);
            return hash;
        }

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            var result = _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
            Verified.Add((hashedPassword, providedPassword, result));
            return result;
        }
    }
}

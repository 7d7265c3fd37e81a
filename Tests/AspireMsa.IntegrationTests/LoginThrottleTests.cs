using System.Text.Json;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Wrong passwords slow the next attempt on that user name down, by seconds that double, instead of locking the account:
/// whoever guesses cannot keep its owner out. Unknown names are answered like known ones. Straight at the identity
/// service, so the gateway's own per-client limit does not step in first.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LoginThrottleTests(SystemFixture system)
{
    private const int WrongAttempts = 6;

    [Fact]
    public async Task RepeatedWrongPasswords_MakeTheOwnerWaitSeconds_ButNeverLockTheAccount()
    {
        var user = await CreateUserWithTheDemoPasswordAsync();
        var throttled = 0;

        // More wrong passwords than Identity's default lockout (5) allows; each sent as soon as the throttle lets it in.
        for (var attempt = 0; attempt < WrongAttempts; attempt++)
        {
            var counted = await Polling.UntilAsync(async () =>
            {
                var answer = await IssuedTokens.RequestAsync(system, user, "wrong-password-123", "openid");
                Assert.Equal("invalid_grant", answer.GetProperty("error").GetString());
                throttled += IsThrottled(answer) ? 1 : 0;
                return !IsThrottled(answer);
            }, TimeSpan.FromSeconds(30));
            Assert.True(counted, $"Wrong attempt {attempt + 1} was never let in.");
        }

        // The owner gets in as soon as the last delay (8 s here) has run, long before a lockout would have ended.
        JsonElement signedIn = default;
        var gotIn = await Polling.UntilAsync(async () =>
        {
            signedIn = await IssuedTokens.RequestAsync(system, user, SystemFixture.DemoUserPassword, "openid");
            return signedIn.TryGetProperty("access_token", out _);
        }, TimeSpan.FromSeconds(60));

        Assert.True(throttled > 0, "No attempt was ever asked to wait.");
        Assert.True(gotIn, $"The owner was kept out: {signedIn}");
        Assert.Null(await LockoutEndAsync(user));
    }

    [Fact]
    public async Task AnUnknownUserName_IsRefusedInTheSameWordsAsAWrongPassword()
    {
        var known = await CreateUserWithTheDemoPasswordAsync();

        var wrongPassword = await IssuedTokens.RequestAsync(system, known, "wrong-password-123", "openid");
        var unknownUser = await IssuedTokens.RequestAsync(system, $"nobody-{Guid.NewGuid():N}", "wrong-password-123", "openid");

        Assert.Equal(wrongPassword.GetProperty("error").GetString(), unknownUser.GetProperty("error").GetString());
        Assert.Equal(wrongPassword.GetProperty("error_description").GetString(), unknownUser.GetProperty("error_description").GetString());
    }

    private static bool IsThrottled(JsonElement answer) =>
        answer.GetProperty("error_description").GetString()!.Contains("try again", StringComparison.OrdinalIgnoreCase);

    /// <summary>A private account for one test, so the throttle it builds up never touches the shared demo users.</summary>
    private async Task<string> CreateUserWithTheDemoPasswordAsync()
    {
        var name = $"throttle-{Guid.NewGuid():N}";
        await using var connection = await system.OpenDatabaseAsync("identitydb");
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT @id, @name, upper(@name), @email, upper(@email), true, "PasswordHash", @stamp, @stamp, false, false, true, 0
            FROM "AspNetUsers" WHERE "NormalizedUserName" = 'ALICE'
            """, connection);
        command.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("email", $"{name}@aspiremsa.local");
        command.Parameters.AddWithValue("stamp", Guid.NewGuid().ToString("N"));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        return name;
    }

    private async Task<DateTimeOffset?> LockoutEndAsync(string user)
    {
        await using var connection = await system.OpenDatabaseAsync("identitydb");
        await using var command = new NpgsqlCommand("""SELECT "LockoutEnd" FROM "AspNetUsers" WHERE "UserName" = @name""", connection);
        command.Parameters.AddWithValue("name", user);
        return await command.ExecuteScalarAsync() is DateTime end ? new DateTimeOffset(end, TimeSpan.Zero) : null;
    }
}

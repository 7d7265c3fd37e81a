using AspireMsa.Identity.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AspireMsa.Identity.Api.SignIn;

/// <summary>
/// Progressive delays per user name, kept in the identity database so every replica sees one count. Each allowed attempt
/// is charged before its password is checked, under a row lock, so parallel guesses cannot share one free slot; a success
/// clears the name.
/// </summary>
public sealed class LoginThrottle(IdentityDbContext db, TimeProvider clock, IOptions<LoginThrottleOptions> options)
{
    public Task<LoginAttempt> BeginAsync(string normalizedUserName, CancellationToken ct)
    {
        var name = Truncate(normalizedUserName);
        // The connection's retry strategy re-runs the whole transaction; nothing is tracked, so a retry starts clean.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(token => ChargeAsync(name, token), ct);
    }

    private async Task<LoginAttempt> ChargeAsync(string name, CancellationToken ct)
    {
        var settings = options.Value;
        var backoff = new LoginBackoff(settings);
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO login_throttle ("UserName", "Score", "UpdatedAt", "NextAttemptAt") VALUES ({name}, 0, {now}, {now}) ON CONFLICT DO NOTHING""", ct);
        var entry = await db.LoginThrottle
            .FromSql($"""SELECT * FROM login_throttle WHERE "UserName" = {name} FOR UPDATE""")
            .AsNoTracking()
            .SingleAsync(ct);

        if (entry.NextAttemptAt > now)
        {
            await transaction.CommitAsync(ct);
            return new LoginAttempt(entry.NextAttemptAt - now, ReachesLockout: false);
        }

        var score = backoff.Decay(entry.Score, now - entry.UpdatedAt) + 1;
        var nextAttemptAt = now + backoff.DelayAfter(score);
        await db.LoginThrottle.Where(e => e.UserName == name).ExecuteUpdateAsync(
            row => row.SetProperty(e => e.Score, score).SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.NextAttemptAt, nextAttemptAt), ct);

        // Names nobody tried for a day have decayed to nothing: drop them, so guessed names do not pile up.
        var forgotten = now - (settings.HalfLife * 24 > TimeSpan.FromDays(1) ? settings.HalfLife * 24 : TimeSpan.FromDays(1));
        await db.LoginThrottle.Where(e => e.UpdatedAt < forgotten).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return new LoginAttempt(RetryAfter: null, ReachesLockout: score >= settings.LockoutThreshold);
    }

    public Task SucceededAsync(string normalizedUserName, CancellationToken ct)
    {
        var name = Truncate(normalizedUserName);
        return db.LoginThrottle.Where(e => e.UserName == name).ExecuteDeleteAsync(ct);
    }

    private static string Truncate(string name) =>
        name.Length <= LoginThrottleEntry.UserNameMaxLength ? name : name[..LoginThrottleEntry.UserNameMaxLength];
}

using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace AspireMsa.Identity.Api.Keys;

/// <summary>
/// Reloads the token keys on every replica, every <see cref="TokenServerOptions.KeyRefreshInterval"/> and at the instant
/// a published key takes over, then has OpenIddict rebuild its options from the ring: a rotation is published within one
/// interval and signs from its NotBefore, with no restart. A failed reload is logged and retried with back-off; the
/// keys already loaded keep serving.
/// </summary>
public sealed partial class TokenKeyRefresher(
    IServiceScopeFactory scopes,
    TokenKeyRing ring,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions,
    IOptionsMonitorCache<OpenIddictValidationOptions> validationOptions,
    IOptions<TokenServerOptions> options,
    TimeProvider clock,
    ILogger<TokenKeyRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(NextDelay(failures), clock, stoppingToken);
                await RefreshAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                LogRefreshFailed(logger, exception, failures);
            }
        }
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<TokenKeyManager>();

        // The same lock as the start-up seeding: replicas take turns, so only one creates a successor. The connection's
        // retry strategy re-runs the whole transaction, starting from a clean change tracker.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IdentitySeeder.SeedLockKey})", token);
            await keys.EnsureCurrentKeysAsync(token);
            await transaction.CommitAsync(token);
        }, ct);

        if (await keys.LoadIntoAsync(ring, ct))
        {
            // OpenIddict reads its options per request: dropping the cached ones rebuilds them from the new ring.
            serverOptions.TryRemove(Options.DefaultName);
            validationOptions.TryRemove(Options.DefaultName);
            LogKeysReloaded(logger, ring.SigningKeys[0].KeyId);
        }
    }

    private TimeSpan NextDelay(int failures)
    {
        if (failures > 0)
        {
            var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures, 10)));
            return backoff < MaxBackoff ? backoff : MaxBackoff;
        }

        var delay = options.Value.KeyRefreshInterval;
        if (ring.NextActivation is { } activation)
        {
            var untilActivation = activation - clock.GetUtcNow();
            delay = untilActivation < delay ? untilActivation : delay;
        }

        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Token keys reloaded: signing with {KeyId}")]
    private static partial void LogKeysReloaded(ILogger logger, string? keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the token keys failed ({Failures} in a row); the loaded keys keep serving")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, int failures);
}

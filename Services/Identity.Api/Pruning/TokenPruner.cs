using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace AspireMsa.Identity.Api.Pruning;

/// <summary>
/// Every issued token and authorization is a row in the identity database; OpenIddict's managers know which ones can go
/// (invalid, expired, or whose authorization ended) and prune them in batches. OpenIddict.Quartz would schedule the same
/// calls, but Quartz is not worth a dependency for one timer. A failed round is logged and the next one tries again.
/// </summary>
public sealed partial class TokenPruner(
    IServiceScopeFactory scopes, IOptions<TokenPruningOptions> options, TimeProvider clock, ILogger<TokenPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = clock.GetUtcNow() - settings.RetentionAge;
                // Tokens first: pruning an authorization also needs its tokens gone or invalid.
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                if (tokens + authorizations > 0)
                {
                    LogPruned(logger, tokens, authorizations, settings.RetentionAge);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} tokens and {Authorizations} authorizations older than {Age}")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning tokens and authorizations failed; the next round tries again")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMsa.ServiceDefaults.Authentication;

/// <summary>
/// Asks the token server for its signing keys every <see cref="IdentityOptions.SigningKeyRefreshInterval"/>. The bearer
/// handler's own cache refreshes only every 12 hours (plus up to an hour of jitter), so a key the token server publishes
/// ahead of use would otherwise reach this process after it starts signing. A failed fetch is logged and retried; the
/// keys already fetched keep validating.
/// </summary>
internal sealed partial class SigningKeyRefresher(
    IOptionsMonitor<JwtBearerOptions> bearerOptions,
    IOptions<IdentityOptions> identity,
    ILogger<SigningKeyRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(identity.Value.SigningKeyRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var manager = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager;
                if (manager is null)
                {
                    continue;
                }

                // RequestRefresh marks the cached document stale; the next read fetches it (in the background, so a
                // new key is in use from the next tick at the latest).
                manager.RequestRefresh();
                await manager.GetConfigurationAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRefreshFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the token server's signing keys failed; the keys fetched before keep validating")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

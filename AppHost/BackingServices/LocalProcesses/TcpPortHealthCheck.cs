using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>
/// Healthy once something accepts connections on the port. Written by hand because epmd speaks no protocol a health
/// check package knows, and "accepts TCP" is exactly what the broker needs from it before starting.
/// </summary>
public sealed class TcpPortHealthCheck(Func<int> port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port(), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}

using AspireMsa.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class DegradableDependencyExtensions
{
    /// <summary>
    /// Makes the health check named <paramref name="checkName"/> report Degraded, within <paramref name="timeout"/>, when
    /// its dependency fails or hangs: for a dependency the service can serve without, so that load balancers and YARP's
    /// active health checks keep the service in rotation. Call it after the check is registered.
    /// </summary>
    public static IServiceCollection AddDegradableDependency(this IServiceCollection services, string checkName, TimeSpan timeout) =>
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var check in options.Registrations.Where(check => check.Name == checkName))
            {
                var factory = check.Factory;
                check.Factory = provider => new TimeBoundHealthCheck(factory(provider), timeout);
                check.FailureStatus = HealthStatus.Degraded;
                check.Timeout = timeout;
            }
        });
}

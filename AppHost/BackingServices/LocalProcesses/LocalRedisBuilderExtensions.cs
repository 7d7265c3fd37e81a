using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

public static class LocalRedisBuilderExtensions
{
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, RunDataDirectory dataDirectory)
    {
        var serverPath = OsPackageBinaries.RedisServer();
        var serverDirectory = dataDirectory.ForServer(name);
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var redis = new LocalRedisResource(name, serverPath, serverDirectory, password);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, ct) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey);

        // The password goes in a file only the server's user reads, not on the command line every local user can see.
        var configFile = Path.Combine(serverDirectory, "redis.conf");
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, async (_, ct) =>
        {
            var secret = await password.GetValueAsync(ct).ConfigureAwait(false);
            await SecretFile.WriteAsync(configFile, $"requirepass \"{secret}\"\n", SecretFile.OwnerOnly, ct).ConfigureAwait(false);
        });

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(configFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(serverDirectory);
                // A cache and read model: rebuilt from PostgreSQL, so no snapshots to slow the demo down.
                context.Args.Add("--save");
                context.Args.Add(string.Empty);
                context.Args.Add("--appendonly");
                context.Args.Add("no");
                context.Args.Add("--daemonize");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheckKey);
    }
}

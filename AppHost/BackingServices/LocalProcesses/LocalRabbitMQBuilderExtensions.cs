using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

public static class LocalRabbitMQBuilderExtensions
{
    private const string LoopbackAddress = "127.0.0.1";

    /// <summary>
    /// Adds the broker and its own Erlang port mapper. epmd runs as a separate foreground resource on an allocated port
    /// and the broker is told not to start one: otherwise an <c>epmd -daemon</c> outlives every run.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, RunDataDirectory dataDirectory)
    {
        var serverScript = OsPackageBinaries.RabbitMQServer();
        var epmdPath = OsPackageBinaries.Epmd();
        var serverDirectory = dataDirectory.ForServer(name);
        File.WriteAllText(Path.Combine(serverDirectory, "enabled_plugins"), "[].");
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);

        var epmd = builder.AddExecutable($"{name}-epmd", epmdPath, serverDirectory)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            // epmd listens on every interface unless told otherwise.
            .WithEnvironment("ERL_EPMD_ADDRESS", LoopbackAddress)
            .ExcludeFromManifest();
        var epmdEndpoint = epmd.GetEndpoint("tcp");
        epmd.WithArgs(context =>
        {
            context.Args.Add("-port");
            context.Args.Add(epmdEndpoint.Property(EndpointProperty.TargetPort));
        });
        var epmdHealthCheckKey = $"{name}-epmd_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            epmdHealthCheckKey, _ => new TcpPortHealthCheck(() => epmdEndpoint.Port), failureStatus: null, tags: null));
        epmd.WithHealthCheck(epmdHealthCheckKey);

        var rabbit = new LocalRabbitMQServerResource(name, serverScript, serverDirectory, password);

        string? connectionString = null;
        IConnection? healthConnection = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(rabbit, async (_, ct) =>
            connectionString = await rabbit.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRabbitMQ(
            async _ => healthConnection ??= await new ConnectionFactory
            {
                Uri = new Uri(connectionString ?? throw new InvalidOperationException("Connection string is unavailable")),
            }.CreateConnectionAsync().ConfigureAwait(false),
            name: healthCheckKey);

        var rabbitBuilder = builder.AddResource(rabbit)
            .WithEndpoint(name: LocalRabbitMQServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQServerResource.DistributionEndpointName, scheme: "tcp", isProxied: false)
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                // The Erlang cookie lives in HOME: one per instance keeps two runs apart.
                env["HOME"] = serverDirectory;
                // Makes the start script exec the VM instead of wrapping it, so stop signals reach beam.smp itself.
                env["RUNNING_UNDER_SYSTEMD"] = "true";
                env["RABBITMQ_NODENAME"] = "rabbit@localhost";
                env["RABBITMQ_NODE_IP_ADDRESS"] = LoopbackAddress;
                env["RABBITMQ_NODE_PORT"] = rabbit.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                env["RABBITMQ_DIST_PORT"] = rabbit.DistributionEndpoint.Property(EndpointProperty.TargetPort);
                env["ERL_EPMD_PORT"] = epmdEndpoint.Property(EndpointProperty.TargetPort);
                // For every Erlang VM the broker runs, its own and the short-lived ones its boot spawns to "ensure epmd":
                // none may start an epmd daemon, which would outlive the run if ours was stopped first.
                // And each VM's distribution port (the broker's RABBITMQ_DIST_PORT among them) on loopback only, not on
                // every interface: a node that others can reach by its cookie is a remote shell.
                env["ERL_AFLAGS"] = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(serverDirectory, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(serverDirectory, "log");
                env["RABBITMQ_LOGS"] = "-";
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(serverDirectory, "rabbitmq");
                env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(serverDirectory, "advanced.config");
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(serverDirectory, "enabled_plugins");
                env["RABBITMQ_PID_FILE"] = Path.Combine(serverDirectory, "rabbit.pid");
                env["RABBITMQ_DEFAULT_USER"] = LocalRabbitMQServerResource.UserName;
                env["RABBITMQ_DEFAULT_PASS"] = password;
            })
            .WithHealthCheck(healthCheckKey)
            .WaitFor(epmd);
        epmd.WithParentRelationship(rabbitBuilder);
        return rabbitBuilder;
    }
}

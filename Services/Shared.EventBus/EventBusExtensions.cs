using AspireMsa.EventBus.Broker;
using AspireMsa.EventBus.DeadLetters;
using AspireMsa.EventBus.Inbox;
using AspireMsa.EventBus.Outbox;
using AspireMsa.EventBus.Outbox.Parked;
using AspireMsa.EventBus.Retention;
using AspireMsa.ServiceDefaults.Capabilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMsa.EventBus;

public static class EventBusExtensions
{
    public const string DefaultConnectionName = "rabbitmq";

    private static readonly TimeSpan BrokerHealthCheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Adds the event bus to a service whose state lives in <typeparamref name="TContext"/>: the RabbitMQ connection (through
    /// Aspire's client integration), the transactional outbox and its relay, and the inbox consumer of the service's queue.
    /// The context's model must call <see cref="ModelBuilderExtensions.AddEventBusTables"/>.
    /// </summary>
    /// <param name="serviceName">Names the service's queues and is stamped on every message it publishes.</param>
    public static EventBusBuilder AddEventBus<TContext>(
        this IHostApplicationBuilder builder, string serviceName, string connectionName = DefaultConnectionName)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        var services = builder.Services;
        services.AddOptions<EventBusOptions>()
            .BindConfiguration(EventBusOptions.SectionName)
            .PostConfigure(options => options.RetryDelays = options.RetryDelays.Length > 0 ? options.RetryDelays : [.. EventBusOptions.DefaultRetryDelays])
            .ValidateDataAnnotations()
            .Validate(EventBusOptions.HasValidRetryDelays, $"EventBus:RetryDelays takes at most {EventBusOptions.MaxRetryDelays} delays, each above zero and at most an hour.")
            .Validate(EventBusOptions.HasValidRestartDelays, "EventBus:ConsumerRestartDelay must not exceed EventBus:ConsumerRestartMaxDelay.")
            .ValidateOnStart();

        // The connection factory is configured before options are resolvable, so the interval is read from configuration here.
        var recoveryInterval = builder.Configuration.GetSection(EventBusOptions.SectionName).Get<EventBusOptions>()?.BrokerRecoveryInterval
            ?? new EventBusOptions().BrokerRecoveryInterval;
        builder.AddRabbitMQClient(connectionName, configureConnectionFactory: factory =>
        {
            // Reconnect after a broker restart and restore channels, queues, bindings and consumers without restarting the service.
            factory.AutomaticRecoveryEnabled = true;
            factory.TopologyRecoveryEnabled = true;
            factory.NetworkRecoveryInterval = recoveryInterval;
            factory.ClientProvidedName = serviceName;
        });

        // Degraded, not unhealthy, while the broker is away: the outbox keeps accepting work, so the service must stay in
        // the gateway's rotation; the relay and the consumers catch up when the broker returns. A broker that hangs (a
        // paused process) must not hang the probe either: past the timeout the check reports Degraded too.
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var check in options.Registrations.Where(check => check.Name.StartsWith("RabbitMQ", StringComparison.Ordinal)))
            {
                check.FailureStatus = HealthStatus.Degraded;
                check.Timeout = BrokerHealthCheckTimeout;
            }
        });

        var registrations = new Dictionary<string, ConsumerRegistration>(StringComparer.Ordinal);
        services.AddSingleton<IReadOnlyDictionary<string, ConsumerRegistration>>(registrations);
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<EventBusOptions>>().Value;
            return new BrokerTopology(serviceName, settings.RetryDelays, registrations.Keys, settings.DeliveryLimit);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EventBusTelemetry>();
        services.AddSingleton<BrokerPublisher>();
        var broadcasts = new BroadcastEvents();
        services.AddSingleton(broadcasts);
        var published = new PublishedEvents();
        services.AddSingleton(published);
        services.AddSingleton<ICapabilityEvents>(new EventBusCapabilityEvents(serviceName, published, registrations));

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.ConfigureDbContext<TContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped<IOutbox, TransactionalOutbox<TContext>>();
        services.AddHostedService<OutboxRelay<TContext>>();
        services.AddSingleton<IParkedOutbox, ParkedOutbox<TContext>>();
        services.AddHostedService<EventBusRetention<TContext>>();

        services.AddSingleton<InboxProcessor<TContext>>();
        services.AddSingleton<DeliveryFailureHandler>();
        services.AddSingleton<ConsumerStatus>();
        services.AddHostedService<EventConsumer<TContext>>();
        services.AddHealthChecks().AddCheck<ConsumerHealthCheck>(ConsumerHealthCheck.Name);

        services.AddSingleton<DeadLetterQueue>();
        services.AddHostedService<DeadLetterDepthMonitor>();
        return new EventBusBuilder(services, registrations, published, broadcasts);
    }
}

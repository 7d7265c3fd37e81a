using RabbitMQ.Client;

namespace AspireMsa.Storefront.Orders;

public static class OrderStatusPushExtensions
{
    public const string BrokerConnectionName = "rabbitmq";

    /// <summary>Order status pushes: the broker's events into Redis pub/sub, and from there to this replica's open pages.</summary>
    public static IHostApplicationBuilder AddOrderStatusPush(this IHostApplicationBuilder builder)
    {
        // No broker check: the relay reports in the background-services check (Degraded) while it cannot consume, and
        // the store keeps serving pages without live pushes.
        builder.AddRabbitMQClient(BrokerConnectionName, settings => settings.DisableHealthChecks = true, factory =>
        {
            // Reconnect after a broker restart without restarting the storefront; the relay sets its consumer up again.
            factory.AutomaticRecoveryEnabled = true;
            factory.ClientProvidedName = "storefront";
        });
        builder.Services.AddHostedService<OrderStatusRelay>();
        builder.Services.AddSingleton<OrderStatusFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OrderStatusFeed>());
        return builder;
    }
}

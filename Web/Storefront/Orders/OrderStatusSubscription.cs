using System.Threading.Channels;

namespace AspireMsa.Storefront.Orders;

/// <summary>One open page's updates; disposing it stops them.</summary>
public sealed class OrderStatusSubscription(ChannelReader<OrderStatusUpdate> updates, Action unsubscribe) : IDisposable
{
    public ChannelReader<OrderStatusUpdate> Updates { get; } = updates;

    public void Dispose() => unsubscribe();
}

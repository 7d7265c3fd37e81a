using AspireMsa.EventBus.Broker;

namespace AspireMsa.UnitTests;

public class EventBusTopologyTests
{
    private static readonly BrokerTopology Inventory =
        new("inventory", [TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1500)], ["OrderPlaced", "OrderCancelled"], deliveryLimit: 20);

    [Fact]
    public void EachService_HasItsOwnQueue_AndDeadLetterQueue()
    {
        Assert.Equal("inventory", Inventory.Queue);
        Assert.Equal("inventory.dlq", Inventory.DeadLetterQueue);
    }

    [Fact]
    public void RetryQueues_AreNamedByTheirDelay_SoChangingADelayNeverClashesWithAnExistingQueue()
    {
        Assert.Equal("inventory.retry.1000ms", Inventory.RetryQueue(1));
        Assert.Equal("inventory.retry.1500ms", Inventory.RetryQueue(2));
    }

    [Fact]
    public void TheServiceQueue_IsCappedByTheBrokersDeliveryLimit_AndDeadLettersToItsDlq()
    {
        var arguments = Inventory.ServiceQueueArguments();

        Assert.Equal(20, arguments["x-delivery-limit"]);
        Assert.Equal("quorum", arguments["x-queue-type"]);
        Assert.Equal("inventory.dlq", arguments["x-dead-letter-routing-key"]);
    }
}

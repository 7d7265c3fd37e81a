using AspireMsa.EventBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests;

public class EventBusOptionsTests
{
    [Fact]
    public void TheDefaults_AreValid()
    {
        var options = Resolve([]);

        Assert.Equal(4, options.RetryDelays.Length);
        Assert.Equal(TimeSpan.FromSeconds(15), options.OutboxLease);
        Assert.Equal(20, options.DeliveryLimit);
        Assert.Equal(20, options.OutboxMaxAttempts);
        Assert.Equal(TimeSpan.FromDays(7), options.RetentionAge);
    }

    [Fact]
    public void ConfiguredRetryDelays_ReplaceTheDefaults()
    {
        var options = Resolve(new() { ["EventBus:RetryDelays:0"] = "00:00:02", ["EventBus:RetryDelays:1"] = "00:00:04" });

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], options.RetryDelays);
    }

    [Theory]
    [InlineData("EventBus:RetryDelays:0", "00:00:00")]
    [InlineData("EventBus:PrefetchCount", "0")]
    [InlineData("EventBus:OutboxBatchSize", "5000")]
    [InlineData("EventBus:OutboxLease", "00:00:00.500")]
    [InlineData("EventBus:DeliveryLimit", "0")]
    [InlineData("EventBus:OutboxMaxAttempts", "0")]
    [InlineData("EventBus:RetentionAge", "00:00:10")]
    [InlineData("EventBus:RetentionBatchSize", "0")]
    [InlineData("EventBus:ConsumerRestartDelay", "00:01:00")]
    public void AnOutOfRangeSetting_FailsAtStartUp(string key, string value)
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
    }

    private static EventBusOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEventBus<Microsoft.EntityFrameworkCore.DbContext>("unit");
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<EventBusOptions>>().Value;
    }
}

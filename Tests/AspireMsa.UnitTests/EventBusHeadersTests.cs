using System.Text;
using AspireMsa.EventBus.Broker;

namespace AspireMsa.UnitTests;

public class EventBusHeadersTests
{
    [Fact]
    public void StringHeaders_ArriveAsBytes_AndAreReadBackAsText()
    {
        var headers = new Dictionary<string, object?> { [MessageHeaders.TraceParent] = Encoding.UTF8.GetBytes("00-abc-def-01") };

        Assert.Equal("00-abc-def-01", MessageHeaders.GetString(headers, MessageHeaders.TraceParent));
        Assert.Null(MessageHeaders.GetString(headers, MessageHeaders.AggregateId));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(3L)]
    [InlineData((short)3)]
    public void NumericHeaders_AreReadWhateverIntegerTypeTheBrokerUsed(object value)
    {
        var headers = new Dictionary<string, object?> { [MessageHeaders.Attempts] = value };

        Assert.Equal(3L, MessageHeaders.GetInt64(headers, MessageHeaders.Attempts));
    }

    [Fact]
    public void AMissingOrMalformedNumber_ReadsAsNothing()
    {
        var headers = new Dictionary<string, object?> { [MessageHeaders.Sequence] = Encoding.UTF8.GetBytes("seven") };

        Assert.Null(MessageHeaders.GetInt64(headers, MessageHeaders.Sequence));
        Assert.Null(MessageHeaders.GetInt64(null, MessageHeaders.Sequence));
    }

    [Fact]
    public void RepublishedHeaders_LeaveOutTheBrokersDeathRecords_AndKeepOurs()
    {
        var headers = new Dictionary<string, object?>
        {
            ["x-death"] = new List<object>(),
            ["x-first-death-queue"] = "inventory.retry.1000ms",
            ["x-last-death-reason"] = "expired",
            [MessageHeaders.Attempts] = 2,
        };

        var copy = MessageHeaders.WithoutBrokerDeathRecords(headers);

        Assert.Equal([MessageHeaders.Attempts], copy.Keys);
        Assert.Equal(4, headers.Count);
    }
}

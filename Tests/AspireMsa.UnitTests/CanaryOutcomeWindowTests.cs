using AspireMsa.Gateway.Canary;
using Microsoft.Extensions.Time.Testing;

namespace AspireMsa.UnitTests;

public class CanaryOutcomeWindowTests
{
    [Fact]
    public void Outcomes_CountWithinTheWindow_AndFallOutAfterIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var window = new CanaryOutcomeWindow(TimeSpan.FromSeconds(10), clock);

        window.Record(isError: true);
        clock.Advance(TimeSpan.FromSeconds(5));
        window.Record(isError: false);
        window.Record(isError: false);
        Assert.Equal((3, 1), window.Totals());

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((2, 0), window.Totals());

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((0, 0), window.Totals());
    }

    [Fact]
    public void ABucketReusedAfterAFullTurn_StartsFromZero()
    {
        var clock = new FakeTimeProvider();
        var window = new CanaryOutcomeWindow(TimeSpan.FromSeconds(3), clock);

        window.Record(isError: true);
        clock.Advance(TimeSpan.FromSeconds(3));
        window.Record(isError: false);

        Assert.Equal((1, 0), window.Totals());
    }
}

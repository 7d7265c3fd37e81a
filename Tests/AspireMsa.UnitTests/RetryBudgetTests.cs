using AspireMsa.Gateway.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace AspireMsa.UnitTests;

public class RetryBudgetTests
{
    [Fact]
    public void UnderSustainedFailure_RetriesStayWithinTheRatioOfRequests()
    {
        var clock = new FakeTimeProvider();
        var budget = new RetryBudget(ratio: 0.2, minPerSecond: 0, clock);

        var retries = 0;
        for (var request = 0; request < 1000; request++)
        {
            budget.RecordRequest();
            retries += budget.TryWithdraw() ? 1 : 0;
        }

        Assert.InRange(retries, 195, 200);
    }

    [Fact]
    public void AQuietGateway_CanStillRetry_UpToTheFloor_AndTheFloorIsCapped()
    {
        var clock = new FakeTimeProvider();
        var budget = new RetryBudget(ratio: 0.2, minPerSecond: 5, clock);
        clock.Advance(TimeSpan.FromHours(1));

        var retries = 0;
        while (budget.TryWithdraw())
        {
            retries++;
        }

        // Ten seconds' worth of the floor, not an hour's.
        Assert.Equal(50, retries);
    }
}

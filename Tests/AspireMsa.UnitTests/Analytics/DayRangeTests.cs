using AspireMsa.Analytics.Api.Apis;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>The ranges the backfill and the reports accept, and what they say about the ones they refuse.</summary>
public class DayRangeTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void ARangeEndingToday_WithinTheLimit_IsGood()
    {
        Assert.Empty(DayRange.Problems(Today.AddDays(-30), Today, maxDays: 31, latest: Today));
        Assert.Empty(DayRange.Problems(Today, Today, maxDays: 1, latest: Today));
    }

    [Fact]
    public void FromAfterTo_IsRefused_NamingFrom()
    {
        var problems = DayRange.Problems(Today, Today.AddDays(-1), maxDays: 31);

        Assert.Equal(["from"], problems.Keys);
    }

    [Fact]
    public void OneDayTooMany_IsRefused_SayingTheLimit()
    {
        var problems = DayRange.Problems(Today.AddDays(-31), Today, maxDays: 31, latest: Today);

        Assert.Contains("at most 31", Assert.Single(problems["to"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ADayInTheFuture_IsRefused_WhereTheLastDayIsToday()
    {
        var problems = DayRange.Problems(Today, Today.AddDays(1), maxDays: 31, latest: Today);

        Assert.Contains("future", Assert.Single(problems["to"]), StringComparison.Ordinal);
        Assert.Empty(DayRange.Problems(Today, Today.AddDays(1), maxDays: 31));
    }
}

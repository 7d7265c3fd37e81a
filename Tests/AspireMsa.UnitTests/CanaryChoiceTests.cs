using AspireMsa.Gateway.Canary;

namespace AspireMsa.UnitTests;

public class CanaryChoiceTests
{
    private static readonly CanaryReleaseOptions Catalog = new() { StableCluster = "catalog-v1", CanaryCluster = "catalog-v2" };

    private static CanaryChoice Choose(string? header = null, int weight = 10, string? user = null, string? cookie = null, int drawn = 99) =>
        CanaryChoice.Choose(header, Catalog, weight, user, cookie, () => drawn, "catalog");

    [Theory]
    [InlineData("v2", 0, true)]
    [InlineData("V2", 0, true)]
    [InlineData("v1", 100, false)]
    public void TheHeader_PinsAVersion_WhateverTheWeight(string header, int weight, bool toCanary)
    {
        var choice = Choose(header, weight, user: "alice");

        Assert.Equal(toCanary, choice.ToCanary);
        Assert.False(choice.ChosenByWeight);
    }

    [Fact]
    public void AnUnknownHeaderValue_IsIgnored()
    {
        Assert.Equal(CanaryChoiceReason.NewVisitor, Choose("v3").Reason);
    }

    [Fact]
    public void AUser_StaysInTheirBucket_AndOnlyMovesToTheCanaryAsTheWeightRises()
    {
        var bucket = CanaryBuckets.ForUser("catalog", "user-42");

        Assert.Equal(bucket, CanaryBuckets.ForUser("catalog", "user-42"));
        Assert.All(Enumerable.Range(0, 101), weight => Assert.Equal(bucket < weight, Choose(weight: weight, user: "user-42").ToCanary));
    }

    [Fact]
    public void UserBuckets_SpreadEvenly()
    {
        var inCanary = Enumerable.Range(0, 10_000).Count(i => CanaryBuckets.IsCanary(CanaryBuckets.ForUser("catalog", $"user-{i}"), 10));

        // Binomial(10000, 0.1): mean 1000, standard deviation 30.
        Assert.InRange(inCanary, 850, 1150);
    }

    [Fact]
    public void AVisitorWithACookie_KeepsTheirBucket_AndIsGivenNoNewOne()
    {
        var choice = Choose(weight: 50, cookie: "49");

        Assert.True(choice.ToCanary);
        Assert.Equal(CanaryChoiceReason.Cookie, choice.Reason);
        Assert.Null(choice.NewBucket);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("-1")]
    [InlineData("ten")]
    public void AForgedCookie_IsTreatedAsANewVisitor(string cookie)
    {
        var choice = Choose(weight: 50, cookie: cookie, drawn: 7);

        Assert.Equal(CanaryChoiceReason.NewVisitor, choice.Reason);
        Assert.Equal(7, choice.NewBucket);
        Assert.True(choice.ToCanary);
    }
}

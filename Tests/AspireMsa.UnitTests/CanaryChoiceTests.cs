using AspireMsa.Gateway.Canary;

namespace AspireMsa.UnitTests;

public class CanaryChoiceTests
{
    private static readonly CanaryReleaseOptions Catalog = new() { StableCluster = "catalog-v1", CanaryCluster = "catalog-v2" };

    private static CanaryChoice Choose(
        string? header = null, int weight = 10, string? user = null, string? cookie = null, int drawn = 99, CanaryPinTrust trust = CanaryPinTrust.Admin) =>
        CanaryChoice.Choose(header, trust, Catalog, weight, user, cookie, () => drawn, "catalog");

    [Theory]
    [InlineData("v2", 0, true)]
    [InlineData("V2", 0, true)]
    [InlineData("v1", 100, false)]
    public void AnAdminsPin_PinsAVersion_WhateverTheWeight(string header, int weight, bool toCanary)
    {
        var choice = Choose(header, weight, user: "alice");

        Assert.Equal(toCanary, choice.ToCanary);
        Assert.False(choice.ChosenByWeight);
    }

    [Theory]
    [InlineData("v2", 10, true)]
    [InlineData("v1", 10, false)]
    [InlineData("v1", 99, false)]
    public void ATestersPin_PinsAVersionThatTakesTraffic(string header, int weight, bool toCanary)
    {
        var choice = Choose(header, weight, user: "tess", trust: CanaryPinTrust.Tester);

        Assert.Equal((toCanary, CanaryChoiceReason.Header), (choice.ToCanary, choice.Reason));
    }

    [Theory]
    [InlineData("v2", 0, false)]
    [InlineData("v1", 100, true)]
    public void ATestersPin_ToAVersionAtWeightZero_IsIgnored(string header, int weight, bool toCanary)
    {
        var choice = Choose(header, weight, user: "tess", trust: CanaryPinTrust.Tester);

        Assert.Equal((toCanary, CanaryChoiceReason.User), (choice.ToCanary, choice.Reason));
    }

    [Fact]
    public void AnUntrustedCallersPin_IsIgnored_AndTheyAreRoutedByWeight()
    {
        var customer = Choose("v2", weight: 0, user: "alice", trust: CanaryPinTrust.None);
        var anonymous = Choose("v2", weight: 50, drawn: 70, trust: CanaryPinTrust.None);

        Assert.Equal((false, CanaryChoiceReason.User), (customer.ToCanary, customer.Reason));
        Assert.Equal((false, CanaryChoiceReason.NewVisitor), (anonymous.ToCanary, anonymous.Reason));
    }

    [Theory]
    [InlineData(new[] { "customer" }, CanaryPinTrust.None)]
    [InlineData(new[] { "Tester" }, CanaryPinTrust.None)]
    [InlineData(new[] { "testers" }, CanaryPinTrust.None)]
    [InlineData(new[] { "analyst", "tester" }, CanaryPinTrust.Tester)]
    [InlineData(new[] { "tester", "admin" }, CanaryPinTrust.Admin)]
    [InlineData(new string[0], CanaryPinTrust.None)]
    public void OnlyTheExactTesterAndAdminRoles_AreTrustedWithPins(string[] roles, CanaryPinTrust expected)
    {
        Assert.Equal(expected, CanaryChoice.PinTrustOf(roles));
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

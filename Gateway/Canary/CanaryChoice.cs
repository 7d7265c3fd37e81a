namespace AspireMsa.Gateway.Canary;

/// <summary>How a request's version was chosen; only a choice by weight may be overridden when that version is down.</summary>
public enum CanaryChoiceReason
{
    Header,
    User,
    Cookie,
    NewVisitor,
}

/// <param name="NewBucket">For a new anonymous visitor, the bucket to remember in their cookie.</param>
public sealed record CanaryChoice(bool ToCanary, CanaryChoiceReason Reason, int? NewBucket = null)
{
    public const string TesterRole = "tester";
    public const string AdminRole = "admin";

    public bool ChosenByWeight => Reason != CanaryChoiceReason.Header;

    /// <summary>
    /// The <c>X-Canary</c> header wins when a trusted caller sends it (<see cref="CanaryPinTrust"/>); then a signed-in
    /// user's bucket; then an anonymous visitor's bucket from their cookie; a new visitor draws a bucket at random.
    /// </summary>
    public static CanaryChoice Choose(
        string? pinnedVersion, CanaryPinTrust pinTrust, CanaryReleaseOptions release, int canaryWeight, string? userId, string? cookieBucket,
        Func<int> drawBucket, string releaseName)
    {
        if (PinnedToCanary(pinnedVersion, release) is { } toCanary
            && (pinTrust == CanaryPinTrust.Admin || (pinTrust == CanaryPinTrust.Tester && WeightOf(toCanary, canaryWeight) > 0)))
        {
            return new(toCanary, CanaryChoiceReason.Header);
        }

        if (userId is not null)
        {
            return new(CanaryBuckets.IsCanary(CanaryBuckets.ForUser(releaseName, userId), canaryWeight), CanaryChoiceReason.User);
        }

        if (CanaryBuckets.TryParse(cookieBucket, out var bucket))
        {
            return new(CanaryBuckets.IsCanary(bucket, canaryWeight), CanaryChoiceReason.Cookie);
        }

        var drawn = drawBucket();
        return new(CanaryBuckets.IsCanary(drawn, canaryWeight), CanaryChoiceReason.NewVisitor, drawn);
    }

    /// <summary>Admins are trusted with any pin, testers with pins to live versions; the role claim must match exactly.</summary>
    public static CanaryPinTrust PinTrustOf(IEnumerable<string> roles)
    {
        var trust = CanaryPinTrust.None;
        foreach (var role in roles)
        {
            if (string.Equals(role, AdminRole, StringComparison.Ordinal))
            {
                return CanaryPinTrust.Admin;
            }

            if (string.Equals(role, TesterRole, StringComparison.Ordinal))
            {
                trust = CanaryPinTrust.Tester;
            }
        }

        return trust;
    }

    /// <summary>The share of weighted traffic a version takes: a version at 0 (never released, or rolled back) takes none.</summary>
    public static int WeightOf(bool canary, int canaryWeight) => canary ? canaryWeight : CanaryBuckets.Count - canaryWeight;

    private static bool? PinnedToCanary(string? pinnedVersion, CanaryReleaseOptions release) =>
        string.Equals(pinnedVersion, release.CanaryVersion, StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(pinnedVersion, release.StableVersion, StringComparison.OrdinalIgnoreCase) ? false
        : null;
}

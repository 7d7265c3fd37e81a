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
    public bool ChosenByWeight => Reason != CanaryChoiceReason.Header;

    /// <summary>
    /// The <c>X-Canary</c> header wins (testers and A/B experiments pin a version); then a signed-in user's bucket;
    /// then an anonymous visitor's bucket from their cookie; a new visitor draws a bucket at random.
    /// </summary>
    public static CanaryChoice Choose(
        string? pinnedVersion, CanaryReleaseOptions release, int canaryWeight, string? userId, string? cookieBucket, Func<int> drawBucket,
        string releaseName)
    {
        if (string.Equals(pinnedVersion, release.CanaryVersion, StringComparison.OrdinalIgnoreCase))
        {
            return new(true, CanaryChoiceReason.Header);
        }

        if (string.Equals(pinnedVersion, release.StableVersion, StringComparison.OrdinalIgnoreCase))
        {
            return new(false, CanaryChoiceReason.Header);
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
}

using System.Diagnostics.CodeAnalysis;

namespace AspireMsa.Storefront.StoreApi;

/// <summary>
/// A gateway answer: the value when it succeeded, otherwise the outcome with what the page needs to explain it (the
/// problem's detail, how long a rate limit asks to wait) — never an exception for a page to catch.
/// </summary>
public sealed record ApiResult<T>(ApiOutcome Outcome, T? Value, string? Detail = null, TimeSpan? RetryAfter = null, string? ServedBy = null)
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Outcome == ApiOutcome.Succeeded && Value is not null;

    public ApiResult<TOther> As<TOther>() => new(Outcome, default, Detail, RetryAfter, ServedBy);
}

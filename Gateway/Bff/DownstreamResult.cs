using System.Diagnostics.CodeAnalysis;

namespace AspireMsa.Gateway.Bff;

/// <summary>The value a service returned, or why there is none; failures are values here, so callers decide what degrades.</summary>
public sealed record DownstreamResult<T>(DownstreamOutcome Outcome, T? Value = null, int? StatusCode = null) where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Outcome == DownstreamOutcome.Succeeded && Value is not null;
}

namespace AspireMsa.Analytics.Api.Query;

/// <summary>What the sandbox made of one query: the response when it succeeded, else why not.</summary>
public sealed record SandboxResult(QueryOutcome Outcome, QueryResponse? Response, string? Reason)
{
    public static SandboxResult Succeeded(QueryResponse response) => new(QueryOutcome.Succeeded, response, null);

    public static SandboxResult Not(QueryOutcome outcome, string reason) => new(outcome, null, reason);
}

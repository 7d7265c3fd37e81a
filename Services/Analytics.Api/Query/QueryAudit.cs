namespace AspireMsa.Analytics.Api.Query;

/// <summary>One query as it was asked and how it ended: who (subject and name), within which grant, the SQL, rows and time.</summary>
public sealed class QueryAudit
{
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 4000;

    public QueryAudit(
        DateTimeOffset askedAt, string subject, string userName, string? role, string? claimValue, string sql, QueryOutcome outcome, int rows, TimeSpan duration, string? reason)
    {
        AskedAt = askedAt;
        Subject = subject;
        UserName = userName;
        Role = role;
        ClaimValue = claimValue;
        Sql = sql;
        Outcome = outcome;
        Rows = rows;
        Duration = duration;
        Reason = reason is { Length: > ReasonMaxLength } ? reason[..ReasonMaxLength] : reason;
    }

    public long Id { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The token's <c>sub</c>: the account, which a rename does not change.</summary>
    public string Subject { get; private set; }

    public string UserName { get; private set; }

    /// <summary>The grant the query ran within; null when the caller had none.</summary>
    public string? Role { get; private set; }

    /// <summary>The value of the grant's claim (the category) whose mart it ran against.</summary>
    public string? ClaimValue { get; private set; }

    public string Sql { get; private set; }

    public QueryOutcome Outcome { get; private set; }

    /// <summary>Rows answered (after the row limit).</summary>
    public int Rows { get; private set; }

    public TimeSpan Duration { get; private set; }

    /// <summary>Why it was refused or failed.</summary>
    public string? Reason { get; private set; }
}

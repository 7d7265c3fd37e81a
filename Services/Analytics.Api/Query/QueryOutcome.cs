namespace AspireMsa.Analytics.Api.Query;

/// <summary>How a query ended, as the audit records it.</summary>
public enum QueryOutcome
{
    Succeeded,

    /// <summary>Refused before it ran: not one SELECT, or it names a file, a function or a table outside the mart.</summary>
    Refused,

    /// <summary>DuckDB refused or failed it while it ran (an unknown table, a denied file, the memory limit).</summary>
    Failed,

    /// <summary>Interrupted at the time limit.</summary>
    TimedOut,

    /// <summary>Not run: none of the caller's roles has a grant, or their grant needs a claim they lack.</summary>
    NoGrant,

    /// <summary>Not run: the mart of the caller's grant is not built yet.</summary>
    NoMart,
}

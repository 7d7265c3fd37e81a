using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Analytics.Api.Query;

/// <summary>The limits of the query sandbox (<see cref="QuerySandbox"/>), each applied to every query.</summary>
public sealed class QueryOptions
{
    public const string SectionName = "Analytics:Query";

    /// <summary>Rows answered at most; a result with more says it was truncated.</summary>
    [Range(1, 100_000)]
    public int MaxRows { get; set; } = 1_000;

    /// <summary>After this the query is interrupted and answered as a problem.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>DuckDB's <c>memory_limit</c> for the query's database, e.g. <c>256MB</c>.</summary>
    [Required]
    [RegularExpression("^[0-9]+(KB|MB|GB)$")]
    public string MemoryLimit { get; set; } = "256MB";

    /// <summary>DuckDB's <c>threads</c>: one query may not take every core of the service.</summary>
    [Range(1, 16)]
    public int Threads { get; set; } = 1;

    /// <summary>The longest SQL text accepted.</summary>
    public const int MaxSqlLength = 10_000;
}

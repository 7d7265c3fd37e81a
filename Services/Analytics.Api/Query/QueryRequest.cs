using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Analytics.Api.Query;

/// <summary>One read-only SELECT, run against the caller's mart.</summary>
public sealed record QueryRequest([property: Required, MinLength(1), MaxLength(QueryOptions.MaxSqlLength)] string Sql);

using System.Globalization;

namespace AspireMsa.Analytics.Api.Lake;

/// <summary>
/// A day of one table in hive layout, <c>raw/&lt;table&gt;/dt=YYYY-MM-DD/part-&lt;run id&gt;.parquet</c>, the layout Spark,
/// Trino, Athena and Glue discover partitions from without a catalog entry per file.
/// </summary>
public sealed record LakePartition(string Root, string Table, DateOnly Day)
{
    public const string RawZone = "raw";
    public const string PartFilePattern = "part-*.parquet";

    public string Directory => Path.Combine(Root, RawZone, Table, string.Create(CultureInfo.InvariantCulture, $"dt={Day:yyyy-MM-dd}"));

    public string PartFile(Guid runId) => Path.Combine(Directory, $"part-{runId:N}.parquet");

    /// <summary>Dot files are skipped by every lake reader, so a file being written is never read half-done.</summary>
    public string StagingFile(Guid runId) => Path.Combine(Directory, $".part-{runId:N}.parquet.tmp");
}

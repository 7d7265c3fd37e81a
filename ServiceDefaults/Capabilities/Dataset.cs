namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// A dataset as DataHub and OpenMetadata describe one: a URN (<see cref="DatasetUrn"/>), the platform it lives on, its
/// owner, its columns, and the datasets it is built from (lineage, by URN).
/// </summary>
/// <param name="Kind">What it is here: <c>table</c>, <c>event</c>, <c>lake-table</c> or <c>warehouse-table</c>.</param>
/// <param name="PartitionedBy">The columns its files are partitioned by (a lake table's <c>dt</c>), if any.</param>
public sealed record Dataset(
    string Urn,
    string Platform,
    string Name,
    string Kind,
    string Owner,
    IReadOnlyList<DatasetColumn> Columns,
    IReadOnlyList<string> Upstream,
    IReadOnlyList<string> PartitionedBy);

using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.Gateway.Hub;

/// <summary>
/// A dataset in the Data Hub: as its capability describes it, with its lineage both ways (<see cref="Upstream"/> as
/// described, <see cref="Downstream"/> derived from every other dataset's upstream) and the capabilities that describe it
/// (two versions of one service share their tables).
/// </summary>
public sealed record HubDataset(
    string Urn,
    string Platform,
    string Name,
    string Kind,
    string Owner,
    IReadOnlyList<DatasetColumn> Columns,
    IReadOnlyList<string> PartitionedBy,
    IReadOnlyList<string> Upstream,
    IReadOnlyList<string> Downstream,
    IReadOnlyList<string> DescribedBy);

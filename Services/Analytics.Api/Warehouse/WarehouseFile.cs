using AspireMsa.Analytics.Api.Lake;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// The warehouse is one DuckDB file, replaced whole by each build (<see cref="DuckDbFile"/>): readers see the old
/// warehouse or the new one, never half of one.
/// </summary>
public sealed class WarehouseFile(IOptions<WarehouseOptions> options, LakeWriter lake)
{
    /// <summary>The current warehouse, under the lake root unless configured as an absolute path.</summary>
    public string Current { get; } = Path.GetFullPath(options.Value.File, lake.Root);

    /// <summary>The file a build writes (<see cref="DuckDbFile.BuildingPathOf"/>); builds never overlap (<see cref="Jobs.DailySalesSteps"/>).</summary>
    public string Building => DuckDbFile.BuildingPathOf(Current);

    public bool Exists => File.Exists(Current);

    /// <summary>Builds a new warehouse with <paramref name="build"/> and swaps it in; returns what the build returned.</summary>
    public Task<T> ReplaceAsync<T>(Func<DuckDBConnection, CancellationToken, Task<T>> build, CancellationToken cancellationToken) =>
        DuckDbFile.ReplaceAsync(Current, build, cancellationToken);

    /// <summary>The current warehouse opened read-only, or null when none has been built yet.</summary>
    public Task<DuckDBConnection?> OpenReadOnlyAsync(CancellationToken cancellationToken) =>
        DuckDbFile.OpenReadOnlyAsync(Current, cancellationToken);
}

using AspireMsa.Analytics.Api.Lake;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// The warehouse is one DuckDB file. A build writes a new file beside it and renames it over the current one, an atomic
/// swap: readers see the old warehouse or the new one, never half of one, and a failed build leaves the old file as it was.
/// Readers open it read-only, so they never lock out the next swap.
/// </summary>
public sealed class WarehouseFile(IOptions<WarehouseOptions> options, LakeWriter lake)
{
    /// <summary>The current warehouse, under the lake root unless configured as an absolute path.</summary>
    public string Current { get; } = Path.GetFullPath(options.Value.File, lake.Root);

    /// <summary>
    /// The file a build writes, a dot file beside the current one (so on the same file system, where a rename is atomic).
    /// One name suffices: builds never overlap (<see cref="Jobs.DailySalesSteps"/>).
    /// </summary>
    public string Building => Path.Combine(Path.GetDirectoryName(Current)!, $".{Path.GetFileName(Current)}.building");

    public bool Exists => File.Exists(Current);

    /// <summary>Builds a new warehouse with <paramref name="build"/> and swaps it in; returns what the build returned.</summary>
    public async Task<T> ReplaceAsync<T>(Func<DuckDBConnection, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        Directory.CreateDirectory(Path.GetDirectoryName(Current)!);
        // A build that died mid-way leaves its file (and write-ahead log) behind; start from nothing.
        DeleteBuildingFiles();
        try
        {
            T result;
            await using (var connection = new DuckDBConnection(ConnectionString(Building, readOnly: false)))
            {
                await connection.OpenAsync(cancellationToken);
                result = await build(connection, cancellationToken);
                await using var checkpoint = connection.CreateCommand();
                // Everything into the file itself, so the renamed file is complete without its write-ahead log.
                checkpoint.CommandText = "CHECKPOINT";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            File.Move(Building, Current, overwrite: true);
            return result;
        }
        catch
        {
            DeleteBuildingFiles();
            throw;
        }
    }

    /// <summary>The current warehouse opened read-only, or null when none has been built yet.</summary>
    public async Task<DuckDBConnection?> OpenReadOnlyAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return null;
        }

        var connection = new DuckDBConnection(ConnectionString(Current, readOnly: true));
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string ConnectionString(string path, bool readOnly)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        if (readOnly)
        {
            builder["ACCESS_MODE"] = "READ_ONLY";
        }

        return builder.ConnectionString;
    }

    /// <summary>Only files: anything else in the way (a directory) is left for the build to fail on and an operator to see.</summary>
    private void DeleteBuildingFiles()
    {
        foreach (var path in new[] { Building, Building + ".wal" })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}

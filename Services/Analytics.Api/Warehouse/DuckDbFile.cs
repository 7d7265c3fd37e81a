using DuckDB.NET.Data;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// A DuckDB file replaced whole: a build writes a new file beside it and renames it over the current one, an atomic swap.
/// Readers see the old file or the new one, never half of one, and a failed build leaves the old file as it was. Readers
/// open it read-only, so they never lock out the next swap. The warehouse and every mart are such files.
/// </summary>
public static class DuckDbFile
{
    /// <summary>
    /// The file a build of <paramref name="path"/> writes, a dot file beside it (so on the same file system, where a rename
    /// is atomic). One name suffices: builds of one file never overlap (each is a step Hangfire runs one at a time).
    /// </summary>
    public static string BuildingPathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.building");

    /// <summary>Builds a new <paramref name="path"/> with <paramref name="build"/> and swaps it in; returns what the build returned.</summary>
    public static async Task<T> ReplaceAsync<T>(string path, Func<DuckDBConnection, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var building = BuildingPathOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A build that died mid-way leaves its file (and write-ahead log) behind; start from nothing.
        DeleteBuildingFiles(building);
        try
        {
            T result;
            await using (var connection = new DuckDBConnection(ConnectionString(building, readOnly: false)))
            {
                await connection.OpenAsync(cancellationToken);
                result = await build(connection, cancellationToken);
                await using var checkpoint = connection.CreateCommand();
                // Everything into the file itself, so the renamed file is complete without its write-ahead log.
                checkpoint.CommandText = "CHECKPOINT";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            File.Move(building, path, overwrite: true);
            return result;
        }
        catch
        {
            DeleteBuildingFiles(building);
            throw;
        }
    }

    /// <summary><paramref name="path"/> opened read-only, or null when it has not been built yet.</summary>
    public static async Task<DuckDBConnection?> OpenReadOnlyAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var connection = new DuckDBConnection(ConnectionString(path, readOnly: true));
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
    private static void DeleteBuildingFiles(string building)
    {
        foreach (var path in new[] { building, building + ".wal" })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}

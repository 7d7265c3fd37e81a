using Microsoft.Extensions.Options;

namespace AspireMsa.Analytics.Api.Lake;

/// <summary>
/// Replaces a day of a lake table with one new file: the file is written under a hidden name, renamed into place, and only
/// then are the day's older files removed. A re-run therefore never duplicates rows, and a failed one leaves the old day.
/// </summary>
public sealed class LakeWriter(IOptions<LakeOptions> options, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(options.Value.LakeRoot, environment.ContentRootPath);

    public LakePartition PartitionOf(LakeTable table, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new LakePartition(Root, table.Name, day);
    }

    /// <summary>Writes <paramref name="events"/> as the day's only file (none when there are none); returns the rows written.</summary>
    public async Task<int> ReplacePartitionAsync(
        LakeTable table, DateOnly day, Guid runId, IReadOnlyList<LakeEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partition = PartitionOf(table, day);
        Directory.CreateDirectory(partition.Directory);
        var current = partition.PartFile(runId);
        if (events.Count > 0)
        {
            var staging = partition.StagingFile(runId);
            await using (var file = File.Create(staging))
            {
                await table.WriteAsync(events, file, cancellationToken);
            }

            File.Move(staging, current, overwrite: true);
        }

        foreach (var older in Directory.EnumerateFiles(partition.Directory, LakePartition.PartFilePattern))
        {
            if (!string.Equals(older, current, StringComparison.Ordinal))
            {
                File.Delete(older);
            }
        }

        return events.Count;
    }
}

using System.Diagnostics;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Lake;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// Compacts one UTC day of landed events (by the time they occurred) into the lake, one partition per event type, each
/// replaced whole. Every table is written, an empty day too, so a re-run also clears a day that emptied. Shared by
/// <c>lake-extract</c> and <c>daily-sales</c>, which hold one lock between them: two extracts of one day at once would each
/// delete the other's new file.
/// </summary>
public sealed class LakeExtractor(AnalyticsDbContext db, LakeWriter lake, JobStorage storage)
{
    private const string LockResource = "analytics:lake-extract";

    /// <summary>One extract at a time is plenty for a day's events; a waiting one gives up after this.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Calls <paramref name="tableDone"/> after each table's partition is in place.</summary>
    public async Task ExtractDayAsync(
        DateOnly day, Guid runId, Action<LakeTable, int, TimeSpan> tableDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tableDone);
        using var connection = storage.GetConnection();
        using var dayLock = connection.AcquireDistributedLock(LockResource, LockTimeout);
        foreach (var table in LakeTables.All)
        {
            var watch = Stopwatch.StartNew();
            var events = await EventsOfDayAsync(table.EventType, day, cancellationToken);
            var rows = await lake.ReplacePartitionAsync(table, day, runId, events, cancellationToken);
            tableDone(table, rows, watch.Elapsed);
        }
    }

    private async Task<List<LakeEvent>> EventsOfDayAsync(string eventType, DateOnly day, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        return await db.LandedEvents.AsNoTracking()
            .Where(e => e.EventType == eventType && e.OccurredAt >= from && e.OccurredAt < to)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new LakeEvent(e.EventId, e.OccurredAt, e.LandedAt, e.Payload))
            .ToListAsync(cancellationToken);
    }
}

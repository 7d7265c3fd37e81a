using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// What a newcomer sees in the dashboard: a clean start logs nothing at Error, an idle system starts almost no traces,
/// and an order's trace runs whole from the gateway through ordering and inventory.
/// </summary>
[Collection(FirstRunCollection.Name)]
[ChecksAFreshSystem]
public partial class CleanDashboardTests(FirstRunFixture system, ITestOutputHelper output)
{
    private const int MaxIdleTracesPerMinute = 10;

    /// <summary>An error's level line, its message and enough of its stack to find the frame that threw.</summary>
    private const int ErrorLinesShown = 20;

    /// <summary>Long enough for the start-up work and any earlier test's traffic to finish.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan IdleWindow = TimeSpan.FromMinutes(1);

    /// <summary>The exporters' batch delay (5 s by default) with a margin: spans that started in the window have arrived.</summary>
    private static readonly TimeSpan ExportDelay = TimeSpan.FromSeconds(8);

    /// <summary>What <c>DatabaseMigrationHostedService</c> logs once a process migrated its database.</summary>
    private const string MigratedLine = "Database of OrderingDbContext migrated and seeded";

    private static readonly string[] Projects = ["identity", "catalog-v1", "catalog-v2", "ordering", "inventory", "gateway"];

    [Fact]
    public async Task AnIdleSystem_StartsAtMostTenTracesAMinute()
    {
        // The window is the measurement itself, not a wait for some state: an idle system is one that is left alone.
        var windowStart = DateTimeOffset.UtcNow + Settle;
        var windowEnd = windowStart + IdleWindow;
        await Task.Delay(windowEnd - DateTimeOffset.UtcNow + ExportDelay);

        var roots = system.Receiver.Spans.Where(span => span.IsRoot && span.Start >= windowStart && span.Start < windowEnd).ToList();
        output.WriteLine($"{roots.Count} traces started in the idle minute ({system.Receiver.Spans.Count} spans received in all):");
        foreach (var group in roots.GroupBy(span => $"{span.Service} [{span.Scope}] {span.Name}").OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Count(),4} × {group.Key}");
        }

        Assert.True(roots.Count <= MaxIdleTracesPerMinute, $"{roots.Count} traces started in an idle minute; at most {MaxIdleTracesPerMinute} expected.");
    }

    [Fact]
    public async Task AnOrderPlacedThroughTheGateway_KeepsOneTraceThroughOrderingAndInventory()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 5);

        // The saga's outcome is OrderSagaTests' subject; here it is the trace, which inventory joins either way.
        await saga.WaitForTerminalAsync(await saga.PlaceOrderAsync((productId, 1)));

        List<ExportedSpan> trace = [];
        var found = await Polling.UntilAsync(() =>
        {
            var spans = system.Receiver.Spans;
            var placing = spans.Where(span => span.IsRoot && span.Service == "gateway" && span.Name.StartsWith("POST", StringComparison.Ordinal)).Select(span => span.TraceId).ToHashSet();
            trace = spans.Where(span => placing.Contains(span.TraceId)).GroupBy(span => span.TraceId)
                .Select(g => g.ToList())
                .FirstOrDefault(t => t.Any(span => span.Service == "ordering") && t.Any(IsInventoryProcessing)) ?? [];
            return Task.FromResult(trace.Count > 0);
        }, OrderSagaDriver.SettleDeadline);

        // Each process exports its spans in its own batches, so the trace is whole once inventory's processing arrived.
        Assert.True(found, "No trace rooted at the gateway's POST reached ordering and inventory's processing of the order.");
        output.WriteLine(string.Join(Environment.NewLine, trace.OrderBy(span => span.Start)));
        Assert.Single(trace, span => span.IsRoot);
    }

    [Fact]
    public async Task ACleanStart_LogsNothingAtError()
    {
        var errors = new List<string>();
        var logs = await Task.WhenAll(Projects.Select(project => ResourceLogs.LinesAsync(system.App, project, TimeSpan.FromSeconds(3))));
        foreach (var (project, lines) in Projects.Zip(logs))
        {
            Assert.NotEmpty(lines);
            // The console logger puts the message and the exception's stack on the lines after the level's: they say what
            // failed and where.
            errors.AddRange(lines.Select((line, index) => (line, index)).Where(entry => IsError(entry.line))
                .Select(entry => $"{project}: {string.Join(Environment.NewLine, lines.Skip(entry.index).Take(ErrorLinesShown))}"));
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task ARestart_LogsNothingAtError()
    {
        var ordering = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "ordering");
        var result = await system.App.ResourceCommands.ExecuteCommandAsync(ordering, KnownResourceCommands.RestartCommand);
        Assert.True(result.Success, result.Message);

        // The second "migrated" line is the restarted process having run its migrations against the existing schema.
        IReadOnlyList<string> lines = [];
        Assert.True(await Polling.UntilAsync(async () =>
        {
            lines = await ResourceLogs.LinesAsync(system.App, "ordering", TimeSpan.FromSeconds(2));
            return lines.Count(line => line.Contains(MigratedLine, StringComparison.Ordinal)) >= 2;
        }, TimeSpan.FromMinutes(2)), "ordering did not start again.");
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("ordering").WaitAsync(TimeSpan.FromMinutes(2));

        lines = await ResourceLogs.LinesAsync(system.App, "ordering", TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(lines, IsError);
    }

    private static bool IsInventoryProcessing(ExportedSpan span) =>
        span.Service == "inventory" && span.Name.Contains("process", StringComparison.Ordinal);

    private static bool IsError(string line) => ErrorLevel().IsMatch(ColourCodes().Replace(line, string.Empty));

    /// <summary>The console logger's prefixes for Error and Critical (after the timestamp DCP may put first), which it colours.</summary>
    [GeneratedRegex(@"(?:^|\s)(?:fail|crit): ")]
    private static partial Regex ErrorLevel();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex ColourCodes();
}

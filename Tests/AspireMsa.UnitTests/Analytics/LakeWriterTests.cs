using System.Text.Json;
using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Contracts;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Parquet;
using Parquet.Meta;
using Parquet.Serialization;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>
/// The lake as Spark, Trino or Athena would find it: hive folders per table and day, snake_case columns, INT64 UTC
/// timestamps and explicit decimals, and a day that a re-run replaces instead of appending to.
/// </summary>
public sealed class LakeWriterTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 7);
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly string _root = Directory.CreateTempSubdirectory("lake-writer-tests-").FullName;
    private readonly LakeWriter _writer;

    public LakeWriterTests() =>
        _writer = new LakeWriter(Options.Create(new LakeOptions { LakeRoot = _root }), new HostingEnvironment { ContentRootPath = _root });

    [Fact]
    public async Task ADayOfEvents_IsWrittenAsOneFile_InHiveLayoutUnderItsTableAndDay()
    {
        var runId = Guid.CreateVersion7();

        var rows = await _writer.ReplacePartitionAsync(Table<OrderPlaced>(), Day, runId, [OrderPlacedEvent(Guid.NewGuid())], CancellationToken.None);

        Assert.Equal(1, rows);
        var expected = Path.Combine(_root, "raw", "order_placed", "dt=2026-12-07", $"part-{runId:N}.parquet");
        Assert.Equal([expected], Directory.GetFiles(Path.Combine(_root, "raw", "order_placed"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AWrittenFile_HasSnakeCaseColumns_Int64UtcTimestamps_AndDecimalPrices()
    {
        var runId = Guid.CreateVersion7();
        var productId = Guid.NewGuid();
        var landed = Landed(new ProductPriceChanged(productId, 10.5m, 12.25m, 3) { OccurredAt = Noon });

        await _writer.ReplacePartitionAsync(Table<ProductPriceChanged>(), Day, runId, [landed], CancellationToken.None);

        await using var file = File.OpenRead(_writer.PartitionOf(Table<ProductPriceChanged>(), Day).PartFile(runId));
        await using var reader = await ParquetReader.CreateAsync(file);
        var columns = reader.Metadata!.Schema.Skip(1).ToDictionary(column => column.Name);
        Assert.Equal(
            ["event_id", "landed_at", "new_price", "occurred_at", "old_price", "product_id", "version"],
            columns.Keys.Order(StringComparer.Ordinal));

        foreach (var timestamp in new[] { "occurred_at", "landed_at" })
        {
            Assert.Equal(Parquet.Meta.Type.INT64, columns[timestamp].Type);
            Assert.True(columns[timestamp].LogicalType?.TIMESTAMP?.IsAdjustedToUTC, $"{timestamp} is not a UTC timestamp.");
        }

        foreach (var price in new[] { "old_price", "new_price" })
        {
            Assert.Equal(ConvertedType.DECIMAL, columns[price].ConvertedType);
            Assert.Equal(18, columns[price].Precision);
            Assert.Equal(2, columns[price].Scale);
        }

        file.Position = 0;
        var row = Assert.Single((await ParquetSerializer.DeserializeUntypedAsync(file)).Data);
        Assert.Equal(productId.ToString(), row["product_id"]);
        Assert.Equal(12.25m, row["new_price"]);
        Assert.Equal(Noon.UtcDateTime, (DateTime)row["occurred_at"]);
    }

    [Fact]
    public async Task AProductUpdate_IsWrittenWithItsInheritedProductColumns_AndADecimalPrice()
    {
        var runId = Guid.CreateVersion7();
        var productId = Guid.NewGuid();
        var landed = Landed(new ProductUpdated(productId, "SKU-000042", "Trail jacket", "outdoor", 24.99m, 2) { OccurredAt = Noon });

        await _writer.ReplacePartitionAsync(Table<ProductUpdated>(), Day, runId, [landed], CancellationToken.None);

        await using var file = File.OpenRead(_writer.PartitionOf(Table<ProductUpdated>(), Day).PartFile(runId));
        Assert.Contains(Path.Combine("raw", "product_updated", "dt=2026-12-07"), file.Name, StringComparison.Ordinal);
        await using var reader = await ParquetReader.CreateAsync(file);
        var columns = reader.Metadata!.Schema.Skip(1).ToDictionary(column => column.Name);
        Assert.Equal(
            ["category", "event_id", "landed_at", "name", "occurred_at", "price", "product_id", "sku", "version"],
            columns.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ConvertedType.DECIMAL, columns["price"].ConvertedType);

        file.Position = 0;
        var row = Assert.Single((await ParquetSerializer.DeserializeUntypedAsync(file)).Data);
        Assert.Equal((productId.ToString(), "SKU-000042", "outdoor", 24.99m, 2L),
            ((string)row["product_id"], (string)row["sku"], (string)row["category"], (decimal)row["price"], (long)row["version"]));
    }

    [Fact]
    public async Task ReRunningADay_ReplacesItsPartition_WithoutDuplicatingRows()
    {
        var table = Table<OrderPlaced>();
        LakeEvent[] events = [OrderPlacedEvent(Guid.NewGuid()), OrderPlacedEvent(Guid.NewGuid())];
        await _writer.ReplacePartitionAsync(table, Day, Guid.CreateVersion7(), events, CancellationToken.None);

        var rerun = Guid.CreateVersion7();
        await _writer.ReplacePartitionAsync(table, Day, rerun, events, CancellationToken.None);

        var partition = _writer.PartitionOf(table, Day);
        var file = Assert.Single(Directory.GetFiles(partition.Directory));
        Assert.Equal(partition.PartFile(rerun), file);
        await using var stream = File.OpenRead(file);
        var orderIds = (await ParquetSerializer.DeserializeUntypedAsync(stream)).Data.Select(row => row["order_id"]).ToList();
        Assert.Equal(events.Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("orderId").GetString()), orderIds);
    }

    [Fact]
    public async Task ReRunningADayThatNoLongerHasEvents_LeavesItsPartitionEmpty()
    {
        var table = Table<OrderPlaced>();
        await _writer.ReplacePartitionAsync(table, Day, Guid.CreateVersion7(), [OrderPlacedEvent(Guid.NewGuid())], CancellationToken.None);

        var rows = await _writer.ReplacePartitionAsync(table, Day, Guid.CreateVersion7(), [], CancellationToken.None);

        Assert.Equal(0, rows);
        Assert.Empty(Directory.GetFiles(_writer.PartitionOf(table, Day).Directory));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static LakeTable Table<TEvent>() => LakeTables.All.Single(table => table.EventType == typeof(TEvent).Name);

    private static LakeEvent OrderPlacedEvent(Guid orderId) =>
        Landed(new OrderPlaced(orderId, "alice", [new OrderPlacedLine(Guid.NewGuid(), 2)]) { OccurredAt = Noon });

    private static LakeEvent Landed<TEvent>(TEvent @event) where TEvent : IntegrationEvent =>
        new(@event.Id, @event.OccurredAt, @event.OccurredAt.AddSeconds(1), JsonSerializer.Serialize(@event, JsonSerializerOptions.Web));
}

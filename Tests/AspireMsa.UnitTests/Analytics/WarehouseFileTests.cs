using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Warehouse;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>The swap: a build becomes the warehouse whole or not at all, and readers only ever read a whole warehouse.</summary>
public sealed class WarehouseFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("warehouse-file-tests-").FullName;
    private readonly WarehouseFile _warehouse;

    public WarehouseFileTests() =>
        _warehouse = new WarehouseFile(
            Options.Create(new WarehouseOptions { CustomerKey = new string('k', 32) }),
            new LakeWriter(Options.Create(new LakeOptions { LakeRoot = _root }), new HostingEnvironment { ContentRootPath = _root }));

    [Fact]
    public async Task NoBuildYet_MeansNoWarehouseToRead()
    {
        Assert.Null(await _warehouse.OpenReadOnlyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ABuild_BecomesTheCurrentFile_UnderTheLakeRoot_AndLeavesNoBuildFileBehind()
    {
        await BuildAsync(1);

        Assert.Equal(Path.Combine(_root, "warehouse", "sales.duckdb"), _warehouse.Current);
        Assert.Equal(1, await ReadAsync());
        Assert.Equal(["sales.duckdb"], Directory.GetFiles(Path.GetDirectoryName(_warehouse.Current)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AFailedBuild_LeavesTheLastWarehouseAsItWas()
    {
        await BuildAsync(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _warehouse.ReplaceAsync<long>(async (connection, ct) =>
        {
            await ExecuteAsync(connection, "CREATE TABLE answer AS SELECT 2 AS value");
            throw new InvalidOperationException("The build broke half-way.");
        }, CancellationToken.None));

        Assert.Equal(1, await ReadAsync());
        Assert.False(File.Exists(_warehouse.Building));
    }

    [Fact]
    public async Task AReaderOpenDuringASwap_KeepsReadingTheWarehouseItOpened_AndTheNextReaderSeesTheNewOne()
    {
        await BuildAsync(1);
        await using var reader = (await _warehouse.OpenReadOnlyAsync(CancellationToken.None))!;

        await BuildAsync(2);

        Assert.Equal(1, await ScalarAsync(reader));
        await reader.CloseAsync();
        Assert.Equal(2, await ReadAsync());
    }

    [Fact]
    public async Task ReadersOpenTheWarehouseReadOnly()
    {
        await BuildAsync(1);
        await using var reader = (await _warehouse.OpenReadOnlyAsync(CancellationToken.None))!;

        var refused = await Assert.ThrowsAnyAsync<DuckDBException>(() => ExecuteAsync(reader, "CREATE TABLE intruder AS SELECT 1"));

        Assert.Contains("read-only", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<long> BuildAsync(int value) =>
        _warehouse.ReplaceAsync(async (connection, ct) =>
        {
            await ExecuteAsync(connection, $"CREATE TABLE answer AS SELECT {value} AS value");
            return 1L;
        }, CancellationToken.None);

    private async Task<int> ReadAsync()
    {
        await using var connection = (await _warehouse.OpenReadOnlyAsync(CancellationToken.None))!;
        return await ScalarAsync(connection);
    }

    private static async Task<int> ScalarAsync(DuckDBConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM answer";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using AspireMsa.Analytics.Api.Grants;
using AspireMsa.Analytics.Api.Marts;
using AspireMsa.Analytics.Api.Query;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>
/// The query sandbox against a real mart: one SELECT answers columns and rows within the row limit; every escape is refused
/// by the parser check with its reason, and, with that check bypassed, still denied by the engine (external access off,
/// configuration locked, the file read-only); a long query is interrupted at the time limit.
/// </summary>
public sealed class QuerySandboxTests : IDisposable
{
    private readonly TestWarehouse _warehouse = new();

    [Fact]
    public async Task OneSelect_AnswersItsColumnsAndRows()
    {
        var result = await RunAsync("SELECT order_id, quantity, line_total, placed_at FROM fact_order_lines WHERE category = 'Kitchen' ORDER BY order_id");

        Assert.Equal(QueryOutcome.Succeeded, result.Outcome);
        var response = result.Response!;
        Assert.Equal(["order_id", "quantity", "line_total", "placed_at"], response.Columns.Select(c => c.Name));
        Assert.Equal("Decimal", response.Columns[2].Type);
        Assert.Equal([["order-1", 2, 78.00m], ["order-2", 1, 79.00m]], response.Rows.Select(r => r.Take(3).ToArray()));
        Assert.False(response.Truncated);
    }

    [Fact]
    public async Task RowsPastTheLimit_AreLeftOut_AndTheResultSaysSo()
    {
        var result = await RunAsync("SELECT range AS n, range * range AS big FROM range(10)", new QueryOptions { MaxRows = 3 });

        Assert.Equal(3, result.Response!.Rows.Count);
        Assert.True(result.Response.Truncated);
    }

    [Fact]
    public async Task AQueryLongerThanTheTimeLimit_IsInterrupted()
    {
        var result = await RunAsync("SELECT count(*) FROM range(1000000000) a, range(1000000000) b", new QueryOptions { TimeLimit = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(QueryOutcome.TimedOut, result.Outcome);
        Assert.Contains("0.5 s", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2", "one statement")]
    [InlineData("COPY fact_order_lines TO '/tmp/lines.csv'", "'COPY' is not allowed")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other", "'ATTACH' is not allowed")]
    [InlineData("INSTALL httpfs", "'INSTALL' is not allowed")]
    [InlineData("LOAD httpfs", "'LOAD' is not allowed")]
    [InlineData("SET memory_limit = '8GB'", "'SET' is not allowed")]
    [InlineData("PRAGMA threads = 4", "'PRAGMA' is not allowed")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM fact_order_lines", "'CREATE' is not allowed")]
    [InlineData("DELETE FROM fact_order_lines", "'DELETE' is not allowed")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "'read_csv'")]
    [InlineData("SELECT * FROM read_parquet('/tmp/*.parquet')", "'read_parquet'")]
    [InlineData("SELECT * FROM glob('/etc/*')", "'glob'")]
    [InlineData("SELECT getenv('HOME')", "'getenv'")]
    [InlineData("SELECT * FROM query('SELECT 42')", "'query'")]
    [InlineData("SELECT order_id FROM fact_order_lines WHERE category IN (SELECT content FROM read_text('/etc/hostname'))", "'read_text'")]
    [InlineData("WITH f AS (SELECT * FROM read_json('/etc/x.json')) SELECT * FROM f", "'read_json'")]
    [InlineData("SELECT * FROM '/etc/passwd'", "names a file")]
    [InlineData("SELECT * FROM 'https://example.com/data.csv'", "names a file")]
    [InlineData("SELECT * FROM warehouse.main.fact_order_lines", "outside your mart")]
    [InlineData("SELEC 1", "does not parse")]
    public async Task EveryEscape_IsRefusedBeforeItRuns_SayingWhy(string sql, string why)
    {
        var result = await RunAsync(sql);

        Assert.Equal(QueryOutcome.Refused, result.Outcome);
        Assert.Contains(why, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "disabled by configuration")]
    [InlineData("SELECT * FROM read_parquet('/tmp/*.parquet')", "disabled by configuration")]
    [InlineData("SELECT * FROM glob('/etc/*')", "disabled by configuration")]
    [InlineData("COPY fact_order_lines TO '/tmp/lines.csv'", "disabled by configuration")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other", "disabled by configuration")]
    [InlineData("INSTALL httpfs", "disabled by configuration")]
    [InlineData("LOAD httpfs", "disabled through configuration")]
    [InlineData("SET enable_external_access = true", "configuration has been locked")]
    [InlineData("SET memory_limit = '8GB'", "configuration has been locked")]
    [InlineData("PRAGMA threads = 4", "configuration has been locked")]
    [InlineData("SELECT getenv('HOME')", "getenv does not exist")]
    [InlineData("CREATE TABLE copy AS SELECT 1", "read-only mode")]
    public async Task WithTheParserCheckBypassed_TheEngineItselfStillDeniesTheEscape(string sql, string why)
    {
        await using var connection = (await Sandbox().OpenAsync(await AdminMartAsync(), CancellationToken.None))!;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;

        var error = await Assert.ThrowsAsync<DuckDBException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLimits_AreInForceInTheQuerysDatabase()
    {
        var result = await RunAsync(
            "SELECT current_setting('threads'), current_setting('enable_external_access'), current_setting('lock_configuration')",
            new QueryOptions { Threads = 1, MemoryLimit = "128MB" });

        Assert.Equal([1L, false, true], result.Response!.Rows.Single());
    }

    [Fact]
    public async Task AMartNotBuiltYet_IsNoMart()
    {
        var result = await Sandbox().RunAsync(Path.Combine(_warehouse.Marts.Root, "nobody.duckdb"), "SELECT 1", CancellationToken.None);

        Assert.Equal(QueryOutcome.NoMart, result.Outcome);
    }

    private async Task<SandboxResult> RunAsync(string sql, QueryOptions? limits = null) =>
        await Sandbox(limits).RunAsync(await AdminMartAsync(), sql, CancellationToken.None);

    private static QuerySandbox Sandbox(QueryOptions? limits = null) => new(Options.Create(limits ?? new QueryOptions()));

    private async Task<string> AdminMartAsync()
    {
        var path = _warehouse.Marts.PathOf("admin", null, null);
        if (!File.Exists(path))
        {
            await _warehouse.BuildAsync();
            await new MartBuilder(_warehouse.File, _warehouse.Marts).BuildAllAsync(DefaultGrants.All, Guid.NewGuid(), DateTimeOffset.UtcNow, CancellationToken.None);
        }

        return path;
    }

    public void Dispose() => _warehouse.Dispose();
}

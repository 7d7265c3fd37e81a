using System.Globalization;
using AspireMsa.Analytics.Api.Warehouse;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AspireMsa.Analytics.Api.Query;

/// <summary>
/// Runs one SELECT against one mart, in a DuckDB of its own: the file opened read-only, memory and threads limited, then
/// external access switched off and the configuration locked (so the query cannot undo any of it), the SQL checked by
/// DuckDB's own parser (<see cref="SqlGuard"/>), interrupted at the time limit, and cut at the row limit.
/// </summary>
public sealed class QuerySandbox(IOptions<QueryOptions> options)
{
    private readonly QueryOptions _limits = options.Value;

    public async Task<SandboxResult> RunAsync(string martPath, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (sql.Contains('\0', StringComparison.Ordinal))
        {
            return SandboxResult.Not(QueryOutcome.Refused, "The SQL contains a NUL character.");
        }

        await using var connection = await OpenAsync(martPath, cancellationToken);
        if (connection is null)
        {
            return SandboxResult.Not(QueryOutcome.NoMart, "The mart of your grant has not been built yet.");
        }

        string parsed;
        await using (var parse = connection.CreateCommand())
        {
            parse.CommandText = SqlGuard.ParseCommand(sql);
            parsed = (string)(await parse.ExecuteScalarAsync(cancellationToken))!;
        }

        if (SqlGuard.RefusalOf(sql, parsed) is { } refusal)
        {
            return SandboxResult.Not(QueryOutcome.Refused, refusal);
        }

        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeLimit.CancelAfter(_limits.TimeLimit);
        try
        {
            return SandboxResult.Succeeded(await ReadAsync(connection, sql, timeLimit.Token));
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SandboxResult.Not(QueryOutcome.TimedOut, $"The query ran longer than the limit of {_limits.TimeLimit.TotalSeconds:0.###} s and was interrupted.");
        }
        catch (DuckDBException ex)
        {
            return SandboxResult.Not(QueryOutcome.Failed, ex.Message);
        }
    }

    /// <summary>
    /// The mart opened for one query, its limits set and then locked; null when it does not exist. The settings come after
    /// the open and the lock last: once locked, neither the query nor a <c>SET</c> in it can raise a limit or turn access back on.
    /// </summary>
    public async Task<DuckDBConnection?> OpenAsync(string martPath, CancellationToken cancellationToken)
    {
        var connection = await DuckDbFile.OpenReadOnlyAsync(martPath, cancellationToken);
        if (connection is null)
        {
            return null;
        }

        try
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                SET memory_limit = {DuckDbSql.Literal(_limits.MemoryLimit)};
                SET threads = {_limits.Threads};
                SET enable_external_access = false;
                SET lock_configuration = true;
                """);
            await settings.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<QueryResponse> ReadAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == _limits.MaxRows)
            {
                truncated = true;
                break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = QueryValues.ToJson(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new QueryResponse(columns, rows, truncated);
    }
}

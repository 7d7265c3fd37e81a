using System.Globalization;
using AspireMsa.Analytics.Api.Apis;
using DuckDB.NET.Data;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>Reads <c>sales_daily</c> from the current warehouse, opened read-only for the one query.</summary>
public sealed class SalesDailyQuery(WarehouseFile warehouse)
{
    /// <summary>Null when no warehouse has been built yet.</summary>
    public async Task<SalesDailyReport?> RunAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenReadOnlyAsync(cancellationToken);
        if (connection is null)
        {
            return null;
        }

        Guid builtBy;
        DateTimeOffset builtAt;
        await using (var build = connection.CreateCommand())
        {
            // Read as text and epoch microseconds: the same values whichever .NET types the provider maps UUID and TIMESTAMPTZ to.
            build.CommandText = "SELECT CAST(run_id AS VARCHAR), epoch_us(built_at) FROM warehouse_build";
            await using var reader = await build.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidDataException($"The warehouse {warehouse.Current} has no build record.");
            }

            builtBy = Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
            builtAt = DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(1) * TimeSpan.TicksPerMicrosecond);
        }

        await using var days = connection.CreateCommand();
        days.CommandText = """
            SELECT CAST(date AS VARCHAR), orders, confirmed_orders, cancelled_orders, units, revenue, unpriced_lines
            FROM sales_daily
            WHERE date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
            ORDER BY date
            """;
        days.Parameters.Add(new DuckDBParameter("from", from.ToString("O", CultureInfo.InvariantCulture)));
        days.Parameters.Add(new DuckDBParameter("to", to.ToString("O", CultureInfo.InvariantCulture)));
        var rows = new List<SalesDayResponse>();
        await using (var reader = await days.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new SalesDayResponse(
                    DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    reader.GetInt64(4),
                    reader.GetDecimal(5),
                    reader.GetInt64(6)));
            }
        }

        return new SalesDailyReport(from, to, builtBy, builtAt, rows);
    }
}

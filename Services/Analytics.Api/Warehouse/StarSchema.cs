using System.Globalization;
using AspireMsa.Analytics.Api.Lake;
using DuckDB.NET.Data;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// Builds the sales star schema in an empty DuckDB database from the whole lake, read as it lies (hive folders of
/// Parquet), and the catalog's product list: <c>fact_order_lines</c> with <c>dim_date</c>, <c>dim_customer</c> and
/// <c>dim_product</c>, the aggregate
/// <c>sales_daily</c>, and <c>warehouse_build</c> saying which run built it. Built whole from the lake each time, so a day
/// the lake replaced is replaced here too, and no row is ever counted twice.
/// </summary>
public sealed class StarSchema(CustomerPseudonyms pseudonyms)
{
    public const string Fact = "fact_order_lines";

    /// <summary>
    /// The lake tables the schema reads, with their columns as typed when the lake has no file of them yet (a new lake,
    /// or no price ever changed), so every build sees the same shapes.
    /// </summary>
    private static readonly IReadOnlyList<(string Table, string[] Columns)> Sources =
    [
        ("order_placed", ["order_id VARCHAR", "buyer_id VARCHAR", "lines STRUCT(product_id VARCHAR, quantity INTEGER)[]", "event_id VARCHAR", "occurred_at TIMESTAMPTZ", "dt DATE"]),
        ("order_status_changed", ["order_id VARCHAR", "status VARCHAR", "event_id VARCHAR", "occurred_at TIMESTAMPTZ"]),
        ("order_cancelled", ["order_id VARCHAR", "event_id VARCHAR", "occurred_at TIMESTAMPTZ"]),
        ("product_price_changed", ["product_id VARCHAR", "old_price DECIMAL(18,2)", "new_price DECIMAL(18,2)", "version BIGINT", "event_id VARCHAR", "occurred_at TIMESTAMPTZ"]),
    ];

    /// <summary>Returns the fact rows built.</summary>
    /// <param name="catalog">The catalog's products now, which name the products and give their categories.</param>
    public async Task<long> BuildAsync(
        DuckDBConnection connection, string lakeRoot, IReadOnlyList<CatalogProduct> catalog, Guid runId, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var (table, columns) in Sources)
        {
            await ExecuteAsync(connection, LakeView(lakeRoot, table, columns), cancellationToken);
        }

        await ExecuteAsync(connection, """
            -- One row per order, however often the lake holds its placement.
            CREATE TEMP TABLE orders AS
            SELECT order_id, buyer_id, occurred_at AS placed_at, CAST(dt AS DATE) AS placed_on, lines
            FROM lake_order_placed
            QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY occurred_at, event_id) = 1;

            -- The status at load: the latest change the lake knows, a cancellation winning; none yet is 'placed'.
            CREATE TEMP TABLE order_status AS
            SELECT o.order_id,
                   CASE WHEN c.order_id IS NOT NULL OR s.status = 'cancelled' THEN 'cancelled'
                        WHEN s.status = 'confirmed' THEN 'confirmed'
                        ELSE 'placed' END AS status
            FROM orders o
            LEFT JOIN (SELECT order_id, lower(status) AS status FROM lake_order_status_changed
                       QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY occurred_at DESC, event_id DESC) = 1) s
                   ON s.order_id = o.order_id
            LEFT JOIN (SELECT DISTINCT order_id FROM lake_order_cancelled) c ON c.order_id = o.order_id;

            CREATE TEMP TABLE price_changes AS
            SELECT DISTINCT ON (event_id) product_id, occurred_at, old_price, new_price, version FROM lake_product_price_changed;

            -- Buyers' keys, filled from C# (an HMAC DuckDB has no function for); a temp table, never written to the file.
            CREATE TEMP TABLE buyer_keys (buyer_id VARCHAR PRIMARY KEY, customer_key VARCHAR NOT NULL);

            CREATE TEMP TABLE catalog_products (product_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, category VARCHAR NOT NULL, price DECIMAL(18,2) NOT NULL);
            """, cancellationToken);
        await FillBuyerKeysAsync(connection, cancellationToken);
        await FillCatalogAsync(connection, catalog, cancellationToken);

        await ExecuteAsync(connection, """
            CREATE TABLE fact_order_lines (
                order_id VARCHAR NOT NULL,
                line_number INTEGER NOT NULL,
                product_id VARCHAR NOT NULL,
                category VARCHAR,
                quantity INTEGER NOT NULL,
                unit_price DECIMAL(18,2),
                line_total DECIMAL(18,2),
                order_status VARCHAR NOT NULL CHECK (order_status IN ('placed', 'confirmed', 'cancelled')),
                date_key INTEGER NOT NULL,
                customer_key VARCHAR NOT NULL,
                placed_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (order_id, line_number));

            -- Orders carry no prices: a line's unit price is the one in force when it was placed (the latest change at or
            -- before), or, when the product's first change came later, the price that change replaced. NULL when unknown.
            INSERT INTO fact_order_lines
            WITH numbered AS (
                SELECT order_id, buyer_id, placed_at, placed_on,
                       unnest(range(1, len(lines) + 1)) AS line_number, unnest(lines) AS line
                FROM orders),
            lines AS (
                SELECT order_id, buyer_id, placed_at, placed_on, CAST(line_number AS INTEGER) AS line_number,
                       line.product_id AS product_id, line.quantity AS quantity
                FROM numbered)
            SELECT l.order_id, l.line_number, l.product_id, c.category, l.quantity,
                   coalesce(before.new_price, after.old_price),
                   CAST(coalesce(before.new_price, after.old_price) * l.quantity AS DECIMAL(18,2)),
                   s.status, CAST(strftime(l.placed_on, '%Y%m%d') AS INTEGER), k.customer_key, l.placed_at
            FROM lines l
            JOIN order_status s ON s.order_id = l.order_id
            JOIN buyer_keys k ON k.buyer_id = l.buyer_id
            LEFT JOIN catalog_products c ON c.product_id = l.product_id
            ASOF LEFT JOIN price_changes before ON before.product_id = l.product_id AND l.placed_at >= before.occurred_at
            ASOF LEFT JOIN price_changes after ON after.product_id = l.product_id AND l.placed_at < after.occurred_at;

            CREATE TABLE dim_date AS
            SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER) AS date_key, d AS date, year(d) AS year, quarter(d) AS quarter,
                   month(d) AS month, day(d) AS day_of_month, isodow(d) AS iso_day_of_week, weekofyear(d) AS iso_week,
                   dayname(d) AS day_name
            FROM (SELECT CAST(unnest(generate_series(CAST(min(placed_on) AS TIMESTAMP), CAST(max(placed_on) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS d
                  FROM orders);

            CREATE TABLE dim_customer AS
            SELECT k.customer_key, min(o.placed_on) AS first_order_date, count(*) AS orders
            FROM orders o JOIN buyer_keys k ON k.buyer_id = o.buyer_id
            GROUP BY k.customer_key;

            -- Every product the lake or the catalog names. Name and category are the catalog's (none for a product it no
            -- longer lists); the current price is the catalog's, else the latest change the lake has seen.
            CREATE TABLE dim_product AS
            WITH ids AS (SELECT product_id FROM fact_order_lines UNION SELECT product_id FROM price_changes UNION SELECT product_id FROM catalog_products),
            latest AS (SELECT product_id, new_price, occurred_at FROM price_changes
                       QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY occurred_at DESC, version DESC) = 1)
            SELECT ids.product_id, c.name, c.category, coalesce(c.price, latest.new_price) AS current_price,
                   latest.occurred_at AS price_changed_at
            FROM ids
            LEFT JOIN catalog_products c ON c.product_id = ids.product_id
            LEFT JOIN latest ON latest.product_id = ids.product_id;

            -- Units and revenue count the orders not cancelled; unpriced_lines says how many lines revenue could not price.
            CREATE TABLE sales_daily AS
            SELECT d.date,
                   count(DISTINCT f.order_id) AS orders,
                   count(DISTINCT f.order_id) FILTER (WHERE f.order_status = 'confirmed') AS confirmed_orders,
                   count(DISTINCT f.order_id) FILTER (WHERE f.order_status = 'cancelled') AS cancelled_orders,
                   CAST(coalesce(sum(f.quantity) FILTER (WHERE f.order_status <> 'cancelled'), 0) AS BIGINT) AS units,
                   CAST(coalesce(sum(f.line_total) FILTER (WHERE f.order_status <> 'cancelled'), 0) AS DECIMAL(18,2)) AS revenue,
                   count(*) FILTER (WHERE f.order_status <> 'cancelled' AND f.unit_price IS NULL) AS unpriced_lines
            FROM fact_order_lines f JOIN dim_date d ON d.date_key = f.date_key
            GROUP BY d.date
            ORDER BY d.date;

            CREATE TABLE warehouse_build (run_id UUID NOT NULL, built_at TIMESTAMPTZ NOT NULL, fact_rows BIGINT NOT NULL);
            """, cancellationToken);

        await using var record = connection.CreateCommand();
        record.CommandText = "INSERT INTO warehouse_build SELECT CAST($run_id AS UUID), CAST($built_at AS TIMESTAMPTZ), count(*) FROM fact_order_lines RETURNING fact_rows";
        record.Parameters.Add(new DuckDBParameter("run_id", runId.ToString()));
        record.Parameters.Add(new DuckDBParameter("built_at", builtAt.ToString("O", CultureInfo.InvariantCulture)));
        return Convert.ToInt64(await record.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>A temp view of one lake table: its Parquet files by their hive path, or no rows of the same columns.</summary>
    private static string LakeView(string lakeRoot, string table, string[] columns)
    {
        var folder = Path.Combine(lakeRoot, LakePartition.RawZone, table);
        var hasFiles = Directory.Exists(folder) && Directory.EnumerateFiles(folder, LakePartition.PartFilePattern, SearchOption.AllDirectories).Any();
        var typed = columns.Select(column => column.Split(' ', 2)).ToList();
        var names = string.Join(", ", typed.Select(column => column[0]));
        var files = Path.Combine(folder, "*", LakePartition.PartFilePattern).Replace("'", "''", StringComparison.Ordinal);
        var source = hasFiles
            ? $"SELECT {names} FROM read_parquet('{files}', hive_partitioning = true)"
            : $"SELECT * FROM (SELECT {string.Join(", ", typed.Select(column => $"CAST(NULL AS {column[1]}) AS {column[0]}"))}) WHERE false";
        return $"CREATE TEMP VIEW lake_{table} AS {source};";
    }

    private async Task FillBuyerKeysAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var buyers = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT DISTINCT buyer_id FROM orders";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                buyers.Add(reader.GetString(0));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO buyer_keys VALUES ($buyer_id, $customer_key)";
        var buyerId = new DuckDBParameter("buyer_id", string.Empty);
        var customerKey = new DuckDBParameter("customer_key", string.Empty);
        insert.Parameters.Add(buyerId);
        insert.Parameters.Add(customerKey);
        foreach (var buyer in buyers)
        {
            buyerId.Value = buyer;
            customerKey.Value = pseudonyms.KeyOf(buyer);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task FillCatalogAsync(DuckDBConnection connection, IReadOnlyList<CatalogProduct> catalog, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO catalog_products VALUES ($product_id, $name, $category, $price)";
        var productId = new DuckDBParameter("product_id", string.Empty);
        var name = new DuckDBParameter("name", string.Empty);
        var category = new DuckDBParameter("category", string.Empty);
        var price = new DuckDBParameter("price", 0m);
        insert.Parameters.Add(productId);
        insert.Parameters.Add(name);
        insert.Parameters.Add(category);
        insert.Parameters.Add(price);
        foreach (var product in catalog)
        {
            productId.Value = product.Id.ToString();
            name.Value = product.Name;
            category.Value = product.Category;
            price.Value = product.Price;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

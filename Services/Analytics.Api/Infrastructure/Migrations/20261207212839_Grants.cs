using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace AspireMsa.Analytics.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Grants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dataset_grants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dataset = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    row_filter_column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    row_filter_claim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    columns = table.Column<string[]>(type: "text[]", nullable: true),
                    aggregate_only = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_grants", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "dataset_grants",
                columns: new[] { "id", "aggregate_only", "columns", "dataset", "role", "row_filter_claim", "row_filter_column" },
                values: new object[,]
                {
                    { 1, false, null, "fact_order_lines", "admin", null, null },
                    { 2, false, null, "dim_product", "admin", null, null },
                    { 3, false, null, "dim_customer", "admin", null, null },
                    { 4, false, null, "dim_date", "admin", null, null },
                    { 5, false, null, "sales_daily", "admin", null, null },
                    { 6, true, null, "fact_order_lines", "analyst", null, null },
                    { 7, false, null, "dim_product", "analyst", null, null },
                    { 8, false, null, "dim_date", "analyst", null, null },
                    { 9, false, new[] { "order_id", "line_number", "product_id", "category", "quantity", "unit_price", "line_total", "order_status", "date_key", "placed_at" }, "fact_order_lines", "category-manager", "category", "category" },
                    { 10, false, null, "dim_product", "category-manager", "category", "category" },
                    { 11, false, null, "dim_date", "category-manager", null, null }
                });

            // The seeds name their ids; grants added later take the ones after them.
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('dataset_grants', 'id'), (SELECT max(id) FROM dataset_grants));");

            migrationBuilder.CreateIndex(
                name: "ux_dataset_grants_role_dataset",
                table: "dataset_grants",
                columns: new[] { "role", "dataset" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_grants");
        }
    }
}

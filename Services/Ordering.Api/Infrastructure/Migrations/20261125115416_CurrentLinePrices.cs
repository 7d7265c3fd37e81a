using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AspireMsa.Ordering.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CurrentLinePrices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CurrentUnitPrice",
                table: "order_lines",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CurrentUnitPriceVersion",
                table: "order_lines",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CurrentUnitPrice",
                table: "order_lines");

            migrationBuilder.DropColumn(
                name: "CurrentUnitPriceVersion",
                table: "order_lines");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AspireMsa.Inventory.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InitialInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stock_items",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Reserved = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_items", x => x.ProductId);
                    table.CheckConstraint("CK_stock_items_OnHand_NonNegative", "\"OnHand\" >= 0");
                    table.CheckConstraint("CK_stock_items_Reserved_NonNegative", "\"Reserved\" >= 0");
                    table.CheckConstraint("CK_stock_items_Reserved_NotAboveOnHand", "\"Reserved\" <= \"OnHand\"");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stock_items");
        }
    }
}

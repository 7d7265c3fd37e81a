using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AspireMsa.LegacyAdapter.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InitialLegacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legacy_order_links",
                columns: table => new
                {
                    legacy_order_no = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legacy_order_links", x => x.legacy_order_no);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legacy_order_links");
        }
    }
}

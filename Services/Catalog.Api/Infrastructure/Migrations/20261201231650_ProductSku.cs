using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AspireMsa.Catalog.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProductSku : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "product_sku_numbers");

            migrationBuilder.AddColumn<string>(
                name: "Sku",
                table: "products",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Existing products get SKUs in creation order (ids are version 7 GUIDs). The new field changes what each
            // product looks like, so its version grows and a read-model change is recorded: the relay rewrites the Redis
            // documents, and "same version, same content" stays true.
            migrationBuilder.Sql("""
                UPDATE products AS p
                SET "Sku" = numbered.sku, "Version" = p."Version" + 1, "UpdatedAt" = now()
                FROM (
                    SELECT "Id", 'SKU-' || lpad(nextval('product_sku_numbers')::text, 6, '0') AS sku
                    FROM (SELECT "Id" FROM products ORDER BY "Id") AS ordered
                ) AS numbered
                WHERE p."Id" = numbered."Id";

                INSERT INTO read_model_outbox ("ProductId", "Version", "Kind", "RecordedAt")
                SELECT "Id", "Version", 'Upsert', now() FROM products;
                """);

            migrationBuilder.AlterColumn<string>(
                name: "Sku",
                table: "products",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_products_Sku",
                table: "products",
                column: "Sku",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_products_Sku",
                table: "products");

            migrationBuilder.DropColumn(
                name: "Sku",
                table: "products");

            migrationBuilder.DropSequence(
                name: "product_sku_numbers");
        }
    }
}

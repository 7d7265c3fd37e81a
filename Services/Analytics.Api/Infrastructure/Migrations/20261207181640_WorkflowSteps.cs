using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AspireMsa.Analytics.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Steps recorded before steps had a state were the steps of a lake-extract attempt that got as far as them.
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "job_run_steps",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "job_run_steps",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Succeeded");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts",
                table: "job_run_steps");

            migrationBuilder.DropColumn(
                name: "state",
                table: "job_run_steps");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DrillNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "drills",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RootCause",
                table: "drills",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RootCauseBy",
                table: "drills",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RootCauseStep",
                table: "drills",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhyUs",
                table: "drills",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhyUsBy",
                table: "drills",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            DrillNumberValues.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_drills_WorkspaceKey_Channel_Number",
                table: "drills",
                columns: new[] { "WorkspaceKey", "Channel", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DrillNumberValues.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_drills_WorkspaceKey_Channel_Number",
                table: "drills");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "drills");

            migrationBuilder.DropColumn(
                name: "RootCause",
                table: "drills");

            migrationBuilder.DropColumn(
                name: "RootCauseBy",
                table: "drills");

            migrationBuilder.DropColumn(
                name: "RootCauseStep",
                table: "drills");

            migrationBuilder.DropColumn(
                name: "WhyUs",
                table: "drills");

            migrationBuilder.DropColumn(
                name: "WhyUsBy",
                table: "drills");
        }
    }
}

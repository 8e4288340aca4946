using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuoteSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "quotes",
                type: "TEXT",
                maxLength: 4201,
                nullable: true);

            QuoteSearchIndexes.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "ix_quotes_channel_customer",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "Channel", "Customer" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_person",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "CapturedBy", "CapturedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_workspace_time",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "CapturedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuoteSearchIndexes.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "ix_quotes_channel_customer",
                table: "quotes");

            migrationBuilder.DropIndex(
                name: "ix_quotes_person",
                table: "quotes");

            migrationBuilder.DropIndex(
                name: "ix_quotes_workspace_time",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "quotes");
        }
    }
}

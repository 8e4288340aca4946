using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaptureIndexing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quotes_WorkspaceKey_Channel_MessageId",
                table: "quotes");

            migrationBuilder.CreateIndex(
                name: "IX_quotes_WorkspaceKey_Channel_MessageId",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "Channel", "MessageId" },
                filter: "\"MessageId\" IS NOT NULL");

            SearchTailIndexing.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SearchTailIndexing.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_quotes_WorkspaceKey_Channel_MessageId",
                table: "quotes");

            migrationBuilder.CreateIndex(
                name: "IX_quotes_WorkspaceKey_Channel_MessageId",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "Channel", "MessageId" });
        }
    }
}

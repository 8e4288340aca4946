using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuoteFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "quotes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_quotes_WorkspaceKey_Channel_Fingerprint",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "Channel", "Fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quotes_WorkspaceKey_Channel_Fingerprint",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "quotes");
        }
    }
}

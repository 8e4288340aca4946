using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaggerSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SuggestedTags",
                table: "quotes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuggestedTags",
                table: "quotes");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GtmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channel_insights",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    BuiltQuotes = table.Column<long>(type: "bigint", nullable: false),
                    BuiltLastQuoteId = table.Column<long>(type: "bigint", nullable: false),
                    BuiltGeneration = table.Column<long>(type: "bigint", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_insights", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_channel_insights_WorkspaceKey_Channel",
                table: "channel_insights",
                columns: new[] { "WorkspaceKey", "Channel" },
                unique: true);

            // A display name resolves to the ids that captured under it from this index alone (QuoteSearchSql.CapturersNamedAsync).
            migrationBuilder.Sql("""CREATE INDEX ix_quotes_person_name ON quotes ("WorkspaceKey", (lower("CapturedByName")), "CapturedBy");""");

            // Statistics for the new indexes: without them SQLite's planner takes ix_quotes_person_name for any workspace query.
            migrationBuilder.Sql("ANALYZE quotes;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_quotes_person_name;");

            migrationBuilder.DropTable(
                name: "channel_insights");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltQuotes = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltLastQuoteId = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltGeneration = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: true)
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

            // /gtm quotes <keyword> in a channel checks LIKE on the index entries, in time order, without reading the rows it
            // rejects (SQLite only: a PostgreSQL btree entry cannot hold a 4,000-character text; its GIN trigram index serves).
            migrationBuilder.Sql("""CREATE INDEX ix_quotes_channel_search ON quotes ("WorkspaceKey", "Channel", "CapturedAt", "SearchText");""");

            // Statistics for the new indexes: without them SQLite's planner takes ix_quotes_person_name for any workspace query.
            migrationBuilder.Sql("ANALYZE quotes;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_quotes_channel_search;");
            migrationBuilder.Sql("DROP INDEX ix_quotes_person_name;");

            migrationBuilder.DropTable(
                name: "channel_insights");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.Storage.Migrations;

/// <summary>
/// The SQLite half of the <c>CaptureIndexing</c> migration (a no-op on PostgreSQL, whose GIN index is kept by the database):
/// the FTS5 index <c>quotes_fts</c> is no longer filled by a trigger inside every capture's commit but behind a high-water
/// mark, <c>quotes_fts_mark."IndexedUpTo"</c> (see <see cref="Quotes.SearchTail"/>). Every quote stored so far was indexed by
/// the old trigger, so the mark starts at the highest id. The delete and update triggers now only touch quotes at or below
/// the mark: a quote above it is not in the index, and an FTS5 external-content <c>delete</c> of a row it never held would
/// corrupt the index (https://www.sqlite.org/fts5.html#external_content_tables).
/// </summary>
internal static class SearchTailIndexing
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        if (!IsSqlite(migrationBuilder))
        {
            return;
        }

        migrationBuilder.Sql("""
            CREATE TABLE quotes_fts_mark ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "IndexedUpTo" INTEGER NOT NULL);
            """);
        migrationBuilder.Sql("""INSERT INTO quotes_fts_mark ("Id", "IndexedUpTo") SELECT 1, coalesce(max("Id"), 0) FROM quotes;""");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_ai;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_ad;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_au;");
        migrationBuilder.Sql("""
            CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes
            WHEN old."Id" <= (SELECT "IndexedUpTo" FROM quotes_fts_mark) BEGIN
                INSERT INTO quotes_fts(quotes_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER quotes_fts_au AFTER UPDATE OF "SearchText" ON quotes
            WHEN old."Id" <= (SELECT "IndexedUpTo" FROM quotes_fts_mark) BEGIN
                INSERT INTO quotes_fts(quotes_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                INSERT INTO quotes_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        if (!IsSqlite(migrationBuilder))
        {
            return;
        }

        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_ad;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_au;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS quotes_fts_mark;");
        QuoteSearchIndexes.Down(migrationBuilder);
        QuoteSearchIndexes.Up(migrationBuilder);
    }

    private static bool IsSqlite(MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";
}

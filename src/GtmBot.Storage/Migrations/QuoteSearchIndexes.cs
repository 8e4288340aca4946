using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.Storage.Migrations;

/// <summary>
/// The search half of the <c>QuoteSearch</c> migration, per provider (the EF model does not know these objects, so a later
/// migration never drops or re-creates them). Existing rows get their <c>SearchText</c> from SQL, lower-cased text and
/// customer: the product writes the exact fold (<see cref="Engine.Tagging.QuoteQuery.SearchText"/>) for every quote it stores.
/// <list type="bullet">
/// <item>SQLite: <c>quotes_fts</c>, an FTS5 external-content table over <c>quotes.SearchText</c> with the trigram tokenizer
/// (substring matches of 3 characters or more, Chinese inside sentences included), kept in step by the triggers
/// <c>quotes_fts_ai</c> / <c>_ad</c> / <c>_au</c>. See https://www.sqlite.org/fts5.html#the_trigram_tokenizer and
/// https://www.sqlite.org/fts5.html#external_content_tables.</item>
/// <item>PostgreSQL: <c>pg_trgm</c> and the GIN index <c>ix_quotes_search_trgm</c> (<c>gin_trgm_ops</c>), which serves
/// <c>LIKE '%…%'</c>. See https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX.</item>
/// </list>
/// </summary>
internal static class QuoteSearchIndexes
{
    /// <summary>Runs after the <c>SearchText</c> column is added.</summary>
    public static void Up(MigrationBuilder migrationBuilder)
    {
        if (IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("""
                UPDATE quotes SET "SearchText" = lower(CASE WHEN "Customer" IS NULL THEN "Text" ELSE "Text" || ' ' || "Customer" END)
                WHERE "SearchText" IS NULL;
                """);
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX ix_quotes_search_trgm ON quotes USING gin ("SearchText" gin_trgm_ops);""");
            return;
        }

        migrationBuilder.Sql("""
            UPDATE quotes SET "SearchText" = lower(CASE WHEN "Customer" IS NULL THEN "Text" ELSE "Text" || ' ' || "Customer" END)
            WHERE "SearchText" IS NULL;
            """);
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE quotes_fts USING fts5("SearchText", content='quotes', content_rowid='Id', tokenize='trigram');
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
                INSERT INTO quotes_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
                INSERT INTO quotes_fts(quotes_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER quotes_fts_au AFTER UPDATE OF "SearchText" ON quotes BEGIN
                INSERT INTO quotes_fts(quotes_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                INSERT INTO quotes_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');");
    }

    /// <summary>Runs before the <c>SearchText</c> column is dropped.</summary>
    public static void Down(MigrationBuilder migrationBuilder)
    {
        if (IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_quotes_search_trgm;");
            return;
        }

        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_ai;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_ad;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS quotes_fts_au;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS quotes_fts;");
    }

    private static bool IsPostgres(MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}

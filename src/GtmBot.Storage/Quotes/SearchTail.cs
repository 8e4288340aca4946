using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GtmBot.Storage.Quotes;

/// <summary>
/// SQLite's FTS5 trigram index of quotes (<c>quotes_fts</c>) is filled behind a high-water mark instead of by a trigger in
/// every capture's commit: <c>quotes_fts_mark."IndexedUpTo"</c> is the highest quote id in the index, and the group-commit
/// writer indexes the quotes above it <see cref="Chunk"/> or more at a time, inside one of its transactions (one FTS5 segment
/// per chunk instead of one per commit; the trigger cost ~0.13 ms of SQLite CPU and 1–3 extra log pages per quote).
/// A search that goes through the index also reads the quotes above the mark by <c>LIKE</c> (<see cref="Match"/>): the same
/// rule, since <c>SearchText</c> holds the fold and a trigram phrase is a substring match, so a quote is found as soon as it
/// is committed and a search's results do not depend on where the mark is. Migration <c>CaptureIndexing</c>.
/// </summary>
/// <see href="https://www.sqlite.org/fts5.html#external_content_tables"/>
internal static class SearchTail
{
    /// <summary>Quotes above the mark before the writer indexes them (the most a search reads by <c>LIKE</c> past the index, give or take a batch).</summary>
    public const int Chunk = 128;

    /// <summary>Most quotes indexed in one transaction (a tail left by quotes written elsewhere is indexed over several).</summary>
    public const int MaxPerRun = 1024;

    private const string MarkSql = """SELECT "IndexedUpTo" FROM quotes_fts_mark""";

    private const string PendingSql = """SELECT count(*) FROM quotes WHERE "Id" > (SELECT "IndexedUpTo" FROM quotes_fts_mark)""";

    private static readonly string NextMarkSql =
        $"""SELECT max("Id") FROM (SELECT "Id" FROM quotes WHERE "Id" > $mark ORDER BY "Id" LIMIT {MaxPerRun.ToString(CultureInfo.InvariantCulture)})""";

    private const string IndexSql = """
        INSERT INTO quotes_fts(rowid, "SearchText") SELECT "Id", "SearchText" FROM quotes WHERE "Id" > $mark AND "Id" <= $next ORDER BY "Id";
        UPDATE quotes_fts_mark SET "IndexedUpTo" = $next;
        """;

    /// <summary>
    /// The predicate of a keyword through the index: FTS5's hits, and the quotes above the mark whose <c>SearchText</c> holds
    /// it. <paramref name="phrase"/> and <paramref name="like"/> are parameter names (FTS5 phrase, escaped <c>LIKE</c> pattern).
    /// </summary>
    public static string Match(string phrase, string like) =>
        $"""q."Id" IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH {phrase} UNION ALL SELECT t."Id" FROM quotes t WHERE t."Id" > (SELECT "IndexedUpTo" FROM quotes_fts_mark) AND t."SearchText" LIKE {like} ESCAPE '\')""";

    /// <summary>Quotes above the mark, or null when the database has no mark (not migrated this far): nothing to index then.</summary>
    public static int? Pending(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'quotes_fts_mark'";
        if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = PendingSql;
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Indexes up to <see cref="MaxPerRun"/> quotes above the mark and moves it, in <paramref name="transaction"/> (the index and
    /// the mark change together or not at all: a savepoint undoes a half-done run). False when there was nothing to index.
    /// </summary>
    public static bool Index(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = MarkSql;
        var mark = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        read.CommandText = NextMarkSql;
        read.Parameters.AddWithValue("$mark", mark);
        if (read.ExecuteScalar() is not long next)
        {
            return false;
        }

        transaction.Save("search_tail");
        try
        {
            using var index = connection.CreateCommand();
            index.Transaction = transaction;
            index.CommandText = IndexSql;
            index.Parameters.AddWithValue("$mark", mark);
            index.Parameters.AddWithValue("$next", next);
            index.ExecuteNonQuery();
        }
        catch
        {
            transaction.Rollback("search_tail");
            throw;
        }

        transaction.Release("search_tail");
        return true;
    }
}

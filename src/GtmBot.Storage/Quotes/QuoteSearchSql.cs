using System.Data.Common;
using System.Globalization;
using System.Text;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Storage.Quotes;

/// <summary>
/// The SQL of <see cref="IQuoteSearch.SearchAsync"/>: the candidates of a search, in its order, a chunk at a time, through the
/// indexes of the <c>QuoteSearch</c> migration. Every predicate here finds at least the quotes the exact filter
/// (<see cref="QuoteSearch.Matches"/>) keeps; that filter then runs over the chunk's rows.
/// <list type="bullet">
/// <item>A keyword of 3 characters or more: on SQLite the FTS5 trigram index (<c>quotes_fts MATCH</c>, plus the newest quotes
/// not indexed yet by <c>LIKE</c>: <see cref="SearchTail"/>) when it is rare enough to start from
/// (<see cref="ChooseIndexedKeywordAsync"/>), else <c>LIKE</c> in time order; on PostgreSQL <c>LIKE</c>, which the
/// planner serves from the GIN trigram index <c>ix_quotes_search_trgm</c> or the time indexes.</item>
/// <item>A keyword of 1–2 characters (below a trigram; many Chinese words: 价格, 导出): <c>LIKE</c> over the channel's (or
/// workspace's) rows in time order, read through <c>IX_quotes_WorkspaceKey_Channel_CapturedAt</c>.</item>
/// <item>A Chinese keyword of 3 characters or more can also match by most of its bigrams (<see cref="QuoteQuery"/>): any of its
/// bigrams by <c>LIKE</c>.</item>
/// <item>Who captured it, without a keyword: <c>ix_quotes_person</c> (<c>WorkspaceKey, CapturedBy, CapturedAt</c>).</item>
/// </list>
/// </summary>
internal static class QuoteSearchSql
{
    /// <summary>A search command: its text and its parameter values in order (<c>@p0</c>, <c>@p1</c>, …).</summary>
    public sealed record Command(string Sql, IReadOnlyList<object> Values);

    /// <summary>Keyword hits at most this many: the FTS5 index drives the search (a row look-up per hit); more, and the time index does (LIKE per row).</summary>
    public const int MaxIndexDrivenHits = 2000;

    /// <summary>A candidate row: enough of the quote to decide the search's text, customer, capturer and time filters.</summary>
    public sealed record Candidate(long Id, object RawAt, string Channel, QuoteRecord Sketch);

    /// <summary>
    /// On SQLite, the rarest keyword the FTS5 index can look up, when it has at most <see cref="MaxIndexDrivenHits"/> hits in the
    /// whole index (counted by the index alone, stopping at the line): the search then starts from its hits. A common keyword
    /// is checked with LIKE while the rows are read in time order from the channel's or workspace's index, which finds a page of
    /// matches in a few hundred rows. PostgreSQL's planner makes that choice itself (GIN bitmap or time index): null there.
    /// </summary>
    public static async Task<string?> ChooseIndexedKeywordAsync(DbConnection connection, StorageProvider provider, QuoteSearch search, CancellationToken cancellationToken)
    {
        if (provider == StorageProvider.Postgres)
        {
            return null;
        }

        string? best = null;
        var fewest = MaxIndexDrivenHits;
        foreach (var keyword in Folded(search).Where(k => k.Length >= TrigramLength && !QuoteQuery.MatchesByBigrams(k)))
        {
            await using var cmd = connection.CreateCommand();
            Bind(cmd, new Command(
                $"SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @p0 LIMIT {MaxIndexDrivenHits.ToString(CultureInfo.InvariantCulture)})",
                [Phrase(keyword)]));
            var hits = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (hits < fewest)
            {
                (best, fewest) = (keyword, hits);
            }
        }

        return best;
    }

    /// <summary>
    /// The platform ids that captured quotes of the workspace under the display name <paramref name="name"/> (any case), read
    /// from the covering index <c>ix_quotes_person_name</c> (<c>WorkspaceKey, lower(CapturedByName), CapturedBy</c>) alone.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> CapturersNamedAsync(DbConnection connection, string workspaceKey, string name, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        Bind(cmd, new Command(
            $"""SELECT DISTINCT q."CapturedBy" FROM quotes q WHERE q."WorkspaceKey" = @p0 AND lower(q."CapturedByName") = @p1 LIMIT {MaxCapturersPerName.ToString(CultureInfo.InvariantCulture)}""",
            [workspaceKey, name.ToLowerInvariant()]));
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids.Count < MaxCapturersPerName ? ids : null;
    }

    /// <summary>Most platform ids one display name resolves to; at this many the name is not resolved (null) and every row is checked.</summary>
    public const int MaxCapturersPerName = 50;

    /// <summary>Reads a row of <see cref="Candidates"/>.</summary>
    public static Candidate Read(DbDataReader r)
    {
        var raw = r.GetValue(1);
        var at = raw switch
        {
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            DateTimeOffset o => o,
            _ => DateTimeOffset.Parse(Convert.ToString(raw, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var origin = new QuoteOrigin(r.GetString(5), Text(6), null, null, null, null, string.Empty);
        var sketch = new QuoteRecord(r.GetInt64(0), r.GetString(3), Text(4), string.Empty, origin, at, [], Motive.Unclear, []);
        return new Candidate(r.GetInt64(0), raw, r.GetString(2), sketch);
    }

    private static IEnumerable<string> Folded(QuoteSearch search) =>
        search.Keywords.Select(QuoteQuery.FoldKeyword).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The query of the next chunk of candidates, after <paramref name="after"/> (raw column values): <paramref name="indexed"/>
    /// (see <see cref="ChooseIndexedKeywordAsync"/>) through FTS5, every other keyword by LIKE on <c>SearchText</c>.
    /// </summary>
    /// <param name="countUpTo">When set, the query counts the matches (up to this many) instead of reading them.</param>
    /// <param name="capturers">The platform ids that have captured quotes under the display name <see cref="QuoteSearch.By"/>
    /// (<see cref="CapturersNamedAsync"/>): listed beside the id itself so that <c>ix_quotes_person</c> serves the search.</param>
    public static Command Candidates(StorageProvider provider, QuoteSearch search, string? indexed, (object At, long Id)? after, int chunk, int? countUpTo = null, IReadOnlyList<string>? capturers = null)
    {
        var pg = provider == StorageProvider.Postgres;
        var values = new List<object>();
        string P(object value)
        {
            values.Add(value);
            return "@p" + (values.Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        var where = new StringBuilder();
        where.Append($"""q."WorkspaceKey" = {P(search.WorkspaceKey)}""");
        if (search.Channel is not null)
        {
            where.Append($""" AND q."Channel" = {P(search.Channel)}""");
        }

        if (search.From is { } from)
        {
            where.Append($""" AND q."CapturedAt" >= {P(Time(pg, from))}""");
        }

        if (search.To is { } to)
        {
            where.Append($""" AND q."CapturedAt" < {P(Time(pg, to))}""");
        }

        if (search.By is { } by)
        {
            // Platform ids as given, upper- or lower-cased, and the ids that captured under that display name: one IN list that
            // ix_quotes_person serves. The second condition is the exact rule (the id, or the display name, in any case).
            // Without the resolved ids (too many people share the name) the display-name branch reads every row of the scope.
            if (capturers is not null)
            {
                var ids = new[] { by, by.ToUpperInvariant(), by.ToLowerInvariant() }.Concat(capturers).Distinct(StringComparer.Ordinal).Select(P).ToList();
                where.Append($""" AND q."CapturedBy" IN ({string.Join(", ", ids)})""");
            }

            where.Append($""" AND (q."CapturedBy" IN ({P(by)}, {P(by.ToUpperInvariant())}, {P(by.ToLowerInvariant())}) OR lower(q."CapturedByName") = {P(by.ToLowerInvariant())})""");
        }

        if (search.Customer is { } customer)
        {
            where.Append($""" AND (lower(q."Customer") = {P(customer.ToLowerInvariant())} OR q."Customer" = {P(customer)})""");
        }

        foreach (var keyword in Folded(search))
        {
            if (QuoteQuery.MatchesByBigrams(keyword))
            {
                where.Append(" AND (").AppendJoin(" OR ", QuoteQuery.Bigrams(keyword).Select(b => $"""q."SearchText" LIKE {P(Like(b))} ESCAPE '\'""")).Append(')');
            }
            else if (!pg && keyword == indexed)
            {
                where.Append(" AND ").Append(SearchTail.Match(P(Phrase(keyword)), P(Like(keyword))));
            }
            else
            {
                where.Append($""" AND q."SearchText" LIKE {P(Like(keyword))} ESCAPE '\'""");
            }
        }

        var direction = search.NewestFirst ? "DESC" : "ASC";
        var cursor = after ?? (search.After is { } a ? (Time(pg, a.At), a.Id) : null);
        if (cursor is { } c)
        {
            where.Append($""" AND (q."CapturedAt", q."Id") {(search.NewestFirst ? "<" : ">")} ({P(c.At)}, {P(c.Id)})""");
        }

        // A channel's keyword search on SQLite checks LIKE on the entries of ix_quotes_channel_search (time order, SearchText
        // inside), reading only the rows that match; the planner would take the narrower time index and read every row.
        var table = !pg && search.Channel is not null && indexed is null && Folded(search).Any() ? "quotes q INDEXED BY ix_quotes_channel_search" : "quotes q";
        var sql = countUpTo is { } cap
            ? $"""SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT {cap.ToString(CultureInfo.InvariantCulture)}) AS hits"""
            : $"""
              SELECT q."Id", q."CapturedAt", q."Channel", q."Text", q."Customer", q."CapturedBy", q."CapturedByName" FROM {table}
              WHERE {where}
              ORDER BY q."CapturedAt" {direction}, q."Id" {direction}
              LIMIT {chunk.ToString(CultureInfo.InvariantCulture)}
              """;
        return new Command(sql, values);
    }

    /// <summary>
    /// True when the SQL alone decides the search as <see cref="QuoteSearch.Matches"/> would: no tag or motive (people's
    /// corrections), no keyword matched by its bigrams. <c>SearchText</c> holds the exact fold of every quote the product
    /// stores, so a <c>LIKE</c> or trigram phrase on it is the keyword rule itself.
    /// </summary>
    public static bool DecidedBySql(QuoteSearch search) =>
        search.Tag is null && search.Motive is null && !Folded(search).Any(QuoteQuery.MatchesByBigrams);

    /// <summary>The shortest keyword the trigram indexes can look up.</summary>
    public const int TrigramLength = 3;

    public static void Bind(DbCommand cmd, Command command)
    {
        cmd.CommandText = command.Sql;
        for (var i = 0; i < command.Values.Count; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = command.Values[i];
            cmd.Parameters.Add(p);
        }
    }

    /// <summary>A time as the provider stores it: PostgreSQL <c>timestamptz</c> (UTC); SQLite EF Core's text form, which orders as time for UTC values.</summary>
    private static object Time(bool pg, DateTimeOffset t) =>
        pg ? t.ToUniversalTime() : t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string Like(string folded) =>
        "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>An FTS5 string: the keyword as one phrase, its double quotes doubled (https://www.sqlite.org/fts5.html#fts5_strings).</summary>
    private static string Phrase(string folded) => "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Tests.Storage;

/// <summary>The quote search on SQLite: FTS5 trigram for keywords of 3 characters or more, LIKE below, triggers, backfill.</summary>
public sealed class QuoteSearchTests : SqliteWriterTest
{
    /// <summary>The migration before QuoteSearch (SQLite's id).</summary>
    private const string Before = "20261129162932_NeedReasonLength";

    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Other = new(Platforms.Local, "local", "elsewhere");

    internal static NewQuote Quote(string text, string? customer, int minutes, string by = "U1", string? byName = null) =>
        new(text, customer, "en", new QuoteOrigin(by, byName, null, null, null, null, "slash"), T0.AddMinutes(minutes), ["pain"], Motive.Need);

    [Fact]
    public async Task Keywords_match_inside_sentences_newest_first_in_one_channel()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedAsync(Store, ct);

        Assert.Equal(["Export is slow", "The EXPORT to Excel breaks"], await TextsAsync(Store, Search(["export"]), ct));
        Assert.Equal(["没有单点登录的话安全部门不会批准"], await TextsAsync(Store, Search(["安全部门"]), ct));
        Assert.Equal(["价格太贵了，小团队承受不起"], await TextsAsync(Store, Search(["价格"]), ct));
        Assert.Equal(["導出到表格時出錯"], await TextsAsync(Store, Search(["导出"]), ct));
        Assert.Equal(["Export is slow"], await TextsAsync(Store, Search(["export", "slow"]), ct));
        Assert.Equal(["需要单点和登录"], await TextsAsync(Store, Search(["单点和登录"]), ct));
        Assert.Empty(await TextsAsync(Store, Search(["webhook"]), ct));
        Assert.Equal(["Export is slow"], await TextsAsync(Store, Search(["globex"]), ct));

        var counted = await Store.SearchAsync(Search(["export"]) with { Limit = 1, CountUpTo = 10 }, ct);
        Assert.Equal((1, 2), (counted.Quotes.Count, counted.Matched));
        Assert.Equal(2, (await Store.SearchAsync(Search(["export"]) with { Tag = QuoteTags.Pain }, ct)).Matched);
        Assert.Equal(0, (await Store.SearchAsync(Search(["export"]) with { Tag = QuoteTags.Pricing }, ct)).Matched);
    }

    [Fact]
    public async Task A_long_chinese_keyword_also_matches_by_most_of_its_bigrams()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedAsync(Store, ct);

        // 单点登录: 单点 and 登录 of its three bigrams, as QuoteQuery counts them.
        Assert.Equal(["需要单点和登录", "没有单点登录的话安全部门不会批准"], await TextsAsync(Store, Search(["单点登录"]), ct));
        Assert.Equal(["没有单点登录的话安全部门不会批准"], await TextsAsync(Store, Search(["单点登录"]) with { Customer = "海川科技" }, ct));
    }

    [Fact]
    public async Task Person_and_time_range_page_oldest_first_across_the_workspace()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 7; i++)
        {
            await Store.AddAsync(i % 2 == 0 ? SqliteDb.Channel : Other, Quote($"quote number {i}", "Acme", i * 10, by: i < 5 ? "U1" : "U2", byName: i < 5 ? "Ana Li" : "Bo"), ct);
        }

        var workspace = SqliteDb.Channel.WorkspaceKey;
        var first = (await Store.SearchAsync(new QuoteSearch(workspace, null, [], 2, By: "ana li", From: T0.AddMinutes(10), To: T0.AddMinutes(45), NewestFirst: false), ct)).Quotes;
        Assert.Equal(["quote number 1", "quote number 2"], first.Select(q => q.Quote.Text));
        Assert.Equal(["elsewhere", "launch"], first.Select(q => q.Channel));
        var after = (first[^1].Quote.CapturedAt, first[^1].Quote.Id);
        var second = (await Store.SearchAsync(new QuoteSearch(workspace, null, [], 2, By: "ana li", From: T0.AddMinutes(10), To: T0.AddMinutes(45), NewestFirst: false, After: after), ct)).Quotes;
        Assert.Equal(["quote number 3", "quote number 4"], second.Select(q => q.Quote.Text));
        Assert.Equal(["quote number 5", "quote number 6"], (await Store.SearchAsync(new QuoteSearch(workspace, null, ["quote"], 10, By: "u2"), ct)).Quotes.Select(q => q.Quote.Text).Reverse());
        Assert.Empty((await Store.SearchAsync(new QuoteSearch("local:another", null, ["quote"], 10), ct)).Quotes);
    }

    [Fact]
    public async Task A_new_quote_is_found_through_the_index_path_before_and_after_it_is_indexed()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = await Store.AddAsync(SqliteDb.Channel, Quote("Audit logs are a must", "Acme", 0), ct);

        // Above the high-water mark: not in FTS5 yet, and the search (rare keyword, so driven by the index) still finds it.
        Assert.Empty(await FtsAsync("audit", ct));
        Assert.Equal(saved.Quote.Id, await MarkAsync(ct) + 1);
        Assert.Equal(["Audit logs are a must"], await TextsAsync(Store, Search(["audit"]), ct));
        Assert.Equal(["Audit logs are a must"], await TextsAsync(Store, Search(["audit", "acme"]), ct));

        await IndexTailAsync(ct);
        Assert.Equal([saved.Quote.Id], await FtsAsync("audit", ct));
        Assert.Equal(saved.Quote.Id, await MarkAsync(ct));
        Assert.Equal(["Audit logs are a must"], await TextsAsync(Store, Search(["audit"]), ct));
        Assert.Equal(1, (await Store.SearchAsync(Search(["audit"]) with { CountUpTo = 10 }, ct)).Matched);
        await IntegrityCheckAsync(ct);
    }

    [Fact]
    public async Task Search_results_do_not_depend_on_where_the_mark_is()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedAsync(Store, ct);
        string[][] keywords = [["export"], ["安全部门"], ["价格"], ["导出"], ["export", "slow"], ["单点和登录"], ["webhook"], ["globex"], ["单点登录"]];
        var before = new List<List<string>>();
        foreach (var k in keywords)
        {
            before.Add(await TextsAsync(Store, Search(k), ct));
        }

        await IndexTailAsync(ct);
        for (var i = 0; i < keywords.Length; i++)
        {
            Assert.Equal(before[i], await TextsAsync(Store, Search(keywords[i]), ct));
        }
    }

    [Fact]
    public async Task TheWriter_indexes_the_tail_in_its_own_transaction_once_it_reaches_a_chunk()
    {
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Enumerable.Range(0, SearchTail.Chunk).Select(i => Store.AddAsync(SqliteDb.Channel, Quote($"chunk quote {i} about webhooks", null, i), ct)));
        Assert.Equal(0, await MarkAsync(ct));

        // The next batch crosses the chunk: it indexes every quote above the mark, its own included, before it commits.
        var last = await Store.AddAsync(SqliteDb.Channel, Quote("the last one about webhooks", null, 999), ct);
        Assert.Equal(last.Quote.Id, await MarkAsync(ct));
        Assert.Equal(SearchTail.Chunk + 1, (await FtsAsync("webhooks", ct)).Count);
        Assert.Equal(SearchTail.Chunk + 1, (await Store.SearchAsync(Search(["webhooks"]) with { CountUpTo = 500 }, ct)).Matched);
        await IntegrityCheckAsync(ct);
    }

    [Fact]
    public async Task A_failed_indexing_run_is_undone_and_the_batch_still_commits()
    {
        var ct = TestContext.Current.CancellationToken;
        await ExecuteAsync("DROP TABLE quotes_fts;", ct);
        await Task.WhenAll(Enumerable.Range(0, SearchTail.Chunk).Select(i => Store.AddAsync(SqliteDb.Channel, Quote($"quote {i} before the failure", null, i), ct)));

        // This batch's indexing run fails (no FTS5 table): the savepoint undoes it, the quote is still stored and acknowledged.
        var last = await Store.AddAsync(SqliteDb.Channel, Quote("stored although indexing failed", null, 999), ct);
        Assert.True(last.Added);
        Assert.Equal(0, await MarkAsync(ct));
        await using var ctx = Sqlite.Db.Create();
        Assert.Equal(SearchTail.Chunk + 1, await ctx.Set<QuoteEntity>().CountAsync(ct));
    }

    [Fact]
    public async Task Edits_and_deletes_keep_the_index_in_step_on_both_sides_of_the_mark()
    {
        var ct = TestContext.Current.CancellationToken;
        var indexed = await Store.AddAsync(SqliteDb.Channel, Quote("Audit logs are a must", "Acme", 0), ct);
        var other = await Store.AddAsync(SqliteDb.Channel, Quote("Dashboards load slowly", null, 1), ct);
        await IndexTailAsync(ct);
        var tail = await Store.AddAsync(SqliteDb.Channel, Quote("Single sign-on is missing", null, 2), ct);
        var tail2 = await Store.AddAsync(SqliteDb.Channel, Quote("Reports time out", null, 3), ct);

        await ExecuteAsync($"UPDATE quotes SET \"SearchText\" = 'webhooks are missing' WHERE \"Id\" = {indexed.Quote.Id}", ct);
        await ExecuteAsync($"UPDATE quotes SET \"SearchText\" = 'sso please' WHERE \"Id\" = {tail.Quote.Id}", ct);
        Assert.Empty(await FtsAsync("audit", ct));
        Assert.Equal([indexed.Quote.Id], await FtsAsync("webhook", ct));
        Assert.Equal(["Single sign-on is missing"], await TextsAsync(Store, Search(["sso"]), ct));

        await ExecuteAsync($"DELETE FROM quotes WHERE \"Id\" IN ({other.Quote.Id}, {tail2.Quote.Id})", ct);
        Assert.Empty(await FtsAsync("dashboards", ct));
        Assert.Empty(await TextsAsync(Store, Search(["reports"]), ct));

        await IndexTailAsync(ct);
        Assert.Equal([tail.Quote.Id], await FtsAsync("sso", ct));
        Assert.Equal(["Single sign-on is missing"], await TextsAsync(Store, Search(["sso"]), ct));
        await IntegrityCheckAsync(ct);
    }

    [Fact]
    public async Task The_migration_backfills_and_indexes_quotesStored_before_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("gtmbot-search-").FullName;
        try
        {
            var db = new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(dir));
            await using (var ctx = db.Create())
            {
                var migrator = ctx.GetService<IMigrator>();
                await migrator.MigrateAsync(Before, ct);
                foreach (var (text, customer) in new[] { ("The Export breaks", "Acme"), ("价格太贵了", "海川科技"), ("没有单点登录不行", null) })
                {
                    await ctx.Database.ExecuteSqlAsync(
                        $"INSERT INTO quotes (\"WorkspaceKey\", \"Channel\", \"Text\", \"Customer\", \"Language\", \"CapturedBy\", \"Source\", \"CapturedAt\", \"AutoTags\", \"AutoMotive\", \"TaggedAt\") VALUES ('local:local', 'launch', {text}, {customer}, 'en', 'U1', 'slash', {T0}, '', 'need', {T0})",
                        ct);
                }

                await migrator.MigrateAsync(cancellationToken: ct);
                Assert.Equal(["the export breaks acme", "价格太贵了 海川科技", "没有单点登录不行"], await ctx.Set<QuoteEntity>().OrderBy(q => q.Id).Select(q => q.SearchText).ToListAsync(ct));
            }

            using var writer = new GroupCommitWriter(db, NullLogger<GroupCommitWriter>.Instance);
            var store = new QuoteStore(db, writer, Sqlite.Clock);
            Assert.Equal(["The Export breaks"], await TextsAsync(store, Search(["export"]), ct));
            Assert.Equal(["价格太贵了"], await TextsAsync(store, Search(["价格"]), ct));
            Assert.Equal(["价格太贵了"], await TextsAsync(store, Search(["海川科技"]), ct));
            Assert.Equal(["没有单点登录不行"], await TextsAsync(store, Search(["单点登录"]), ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static QuoteSearch Search(IReadOnlyList<string> keywords) => new(SqliteDb.Channel.WorkspaceKey, SqliteDb.Channel.Channel, keywords, 100);

    internal static async Task SeedAsync(IQuoteStore store, CancellationToken ct)
    {
        (string Text, string? Customer, ConversationKey Channel)[] quotes =
        [
            ("The EXPORT to Excel breaks", "Acme", SqliteDb.Channel),
            ("没有单点登录的话安全部门不会批准", "海川科技", SqliteDb.Channel),
            ("价格太贵了，小团队承受不起", null, SqliteDb.Channel),
            ("導出到表格時出錯", null, SqliteDb.Channel),
            ("需要单点和登录", null, SqliteDb.Channel),
            ("Export is slow", "Globex", SqliteDb.Channel),
            ("The export in another channel", "Acme", Other),
        ];
        for (var i = 0; i < quotes.Length; i++)
        {
            await store.AddAsync(quotes[i].Channel, Quote(quotes[i].Text, quotes[i].Customer, i), ct);
        }
    }

    internal static async Task<List<string>> TextsAsync(IQuoteSearch search, QuoteSearch query, CancellationToken ct) =>
        [.. (await search.SearchAsync(query, ct)).Quotes.Select(q => q.Quote.Text)];

    private async Task<List<long>> FtsAsync(string keyword, CancellationToken ct)
    {
        await using var ctx = Sqlite.Db.Create();
        return await ctx.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM quotes_fts WHERE quotes_fts MATCH {keyword}").ToListAsync(ct);
    }

    /// <summary>Indexes every quote above the mark, as the writer does once the tail reaches a chunk.</summary>
    private async Task IndexTailAsync(CancellationToken ct)
    {
        await using var ctx = Sqlite.Db.Create();
        await ctx.Database.OpenConnectionAsync(ct);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)ctx.Database.GetDbConnection();
        await using var transaction = connection.BeginTransaction();
        var more = true;
        while (more)
        {
            more = SearchTail.Index(connection, transaction);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task<long> MarkAsync(CancellationToken ct)
    {
        await using var ctx = Sqlite.Db.Create();
        return await ctx.Database.SqlQuery<long>($"SELECT \"IndexedUpTo\" AS \"Value\" FROM quotes_fts_mark").SingleAsync(ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var ctx = Sqlite.Db.Create();
        await ctx.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>FTS5's own check of an external-content index against its table (https://www.sqlite.org/fts5.html#the_integrity_check_command).</summary>
    private async Task IntegrityCheckAsync(CancellationToken ct)
    {
        await using var ctx = Sqlite.Db.Create();
        await ctx.Database.ExecuteSqlRawAsync("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1);", ct);
    }
}

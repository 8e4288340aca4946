using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.IntegrationTests.Delivery;
using GtmBot.Storage;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.IntegrationTests.Quotes;

/// <summary>The quote search on PostgreSQL (pg_trgm GIN on the folded text; SQLite's is in the fast tests).</summary>
public sealed class QuoteSearchPostgresTests
{
    /// <summary>The migration before QuoteSearch (PostgreSQL's id).</summary>
    private const string Before = "20261129162936_NeedReasonLength";

    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "launch");
    private static readonly ConversationKey Other = new(Platforms.Local, "local", "elsewhere");

    [Fact]
    public async Task Keywords_person_and_time_range_are_searched_in_postgres()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await PostgresDatabase.CreateAsync();
        var factory = new GtmDbFactory(StorageProvider.Postgres, db.ConnectionString);
        await using (var ctx = factory.Create())
        {
            await ctx.Database.MigrateAsync(ct);
        }

        using var writer = new GroupCommitWriter(factory, NullLogger<GroupCommitWriter>.Instance);
        await writer.StartAsync(ct);
        var store = new QuoteStore(factory, writer, TimeProvider.System);
        (string Text, string? Customer, ConversationKey Channel, string By)[] quotes =
        [
            ("The EXPORT to Excel breaks", "Acme", Channel, "U1"),
            ("没有单点登录的话安全部门不会批准", "海川科技", Channel, "U1"),
            ("价格太贵了，小团队承受不起", null, Channel, "U2"),
            ("導出到表格時出錯", null, Channel, "U2"),
            ("需要单点和登录", null, Channel, "U1"),
            ("Export is slow", "Globex", Channel, "U2"),
            ("The export in another channel", "Acme", Other, "U1"),
        ];
        for (var i = 0; i < quotes.Length; i++)
        {
            var q = quotes[i];
            await store.AddAsync(q.Channel, new NewQuote(q.Text, q.Customer, "en", new QuoteOrigin(q.By, q.By == "U1" ? "Ana Li" : "Bo", null, null, null, null, "slash"), T0.AddMinutes(i), ["pain"], Motive.Need), ct);
        }

        Assert.Equal(["Export is slow", "The EXPORT to Excel breaks"], await TextsAsync(store, Search(["export"]), ct));
        Assert.Equal(["没有单点登录的话安全部门不会批准"], await TextsAsync(store, Search(["安全部门"]), ct));
        Assert.Equal(["需要单点和登录", "没有单点登录的话安全部门不会批准"], await TextsAsync(store, Search(["单点登录"]), ct));
        Assert.Equal(["价格太贵了，小团队承受不起"], await TextsAsync(store, Search(["价格"]), ct));
        Assert.Equal(["導出到表格時出錯"], await TextsAsync(store, Search(["导出"]), ct));
        Assert.Equal(["Export is slow"], await TextsAsync(store, Search(["globex"]), ct));

        var workspace = Channel.WorkspaceKey;
        var page = (await store.SearchAsync(new QuoteSearch(workspace, null, ["export"], 2, By: "ana li", NewestFirst: false), ct)).Quotes;
        Assert.Equal([("The EXPORT to Excel breaks", "launch"), ("The export in another channel", "elsewhere")], page.Select(p => (p.Quote.Text, p.Channel)));
        var window = (await store.SearchAsync(new QuoteSearch(workspace, null, [], 10, By: "u2", From: T0.AddMinutes(3), To: T0.AddMinutes(6), NewestFirst: false), ct)).Quotes;
        Assert.Equal(["導出到表格時出錯", "Export is slow"], window.Select(p => p.Quote.Text));
        var next = (await store.SearchAsync(new QuoteSearch(workspace, null, [], 10, NewestFirst: false, After: (window[0].Quote.CapturedAt, window[0].Quote.Id), To: T0.AddMinutes(5)), ct)).Quotes;
        Assert.Equal(["需要单点和登录"], next.Select(p => p.Quote.Text));
        await writer.StopAsync(ct);
    }

    [Fact]
    public async Task The_migration_backfills_and_indexes_quotes_stored_before_it_on_postgres()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await PostgresDatabase.CreateAsync();
        var factory = new GtmDbFactory(StorageProvider.Postgres, db.ConnectionString);
        await using (var ctx = factory.Create())
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
            Assert.Equal(1, await ctx.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = 'ix_quotes_search_trgm'").SingleAsync(ct));
        }

        using var writer = new GroupCommitWriter(factory, NullLogger<GroupCommitWriter>.Instance);
        var store = new QuoteStore(factory, writer, TimeProvider.System);
        Assert.Equal(["The Export breaks"], await TextsAsync(store, Search(["export"]), ct));
        Assert.Equal(["价格太贵了"], await TextsAsync(store, Search(["价格"]), ct));
        Assert.Equal(["没有单点登录不行"], await TextsAsync(store, Search(["单点登录"]), ct));
    }

    private static QuoteSearch Search(IReadOnlyList<string> keywords) => new(Channel.WorkspaceKey, Channel.Channel, keywords, 100);

    private static async Task<List<string>> TextsAsync(IQuoteSearch search, QuoteSearch query, CancellationToken ct) =>
        [.. (await search.SearchAsync(query, ct)).Quotes.Select(q => q.Quote.Text)];
}

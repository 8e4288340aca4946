using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Host;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Tests.Storage;

/// <summary>The group-commit writer against a real SQLite file: shared commits, acked only after commit, bounded queue.</summary>
public sealed class GroupCommitWriterTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();
    private GroupCommitWriter _writer = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _writer = new GroupCommitWriter(_db.Db, NullLogger<GroupCommitWriter>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _db.DisposeAsync();
    }

    private static NewQuote Quote(int i) => new(
        $"quote {i}: the export breaks every Monday",
        "Acme",
        "en",
        new QuoteOrigin("U1", null, null, null, null, null, "slash"),
        new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        ["pain"],
        Motive.Need);

    [Fact]
    public async Task Concurrent_writes_share_one_commit_and_each_gets_its_own_id()
    {
        var store = new QuoteStore(_db.Db, _writer, _db.Clock);

        // Queued before the writer starts, so they are all pending when it drains: one transaction.
        var writes = Enumerable.Range(0, 200).Select(i => store.AddAsync(SqliteDb.Channel, Quote(i), CancellationToken.None)).ToList();
        Assert.All(writes, w => Assert.False(w.IsCompleted));
        await _writer.StartAsync(CancellationToken.None);
        var saved = await Task.WhenAll(writes);

        Assert.Equal(1, _writer.Commits);
        Assert.Equal(200, saved.Select(q => q.Quote.Id).Distinct().Count());
        await using var ctx = _db.Db.Create();
        Assert.Equal(200, await ctx.Set<QuoteEntity>().CountAsync());
    }

    [Fact]
    public async Task A_failing_unit_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var store = new QuoteStore(_db.Db, _writer, _db.Clock);
        var first = store.AddAsync(SqliteDb.Channel, Quote(1), CancellationToken.None);
        var bad = _writer.WriteAsync<int>(_ => throw new InvalidOperationException("bad unit"), CancellationToken.None);
        var last = store.AddAsync(SqliteDb.Channel, Quote(2), CancellationToken.None);

        await _writer.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.NotEqual((await first).Quote.Id, (await last).Quote.Id);
        await using var ctx = _db.Db.Create();
        Assert.Equal(2, await ctx.Set<QuoteEntity>().CountAsync());
    }

    [Fact]
    public async Task A_full_queue_refuses_with_the_limit_named_and_stores_nothing_of_the_refused_write()
    {
        var store = new QuoteStore(_db.Db, _writer, _db.Clock);
        var queued = Enumerable.Range(0, GroupCommitWriter.MaxPending).Select(i => store.AddAsync(SqliteDb.Channel, Quote(i), CancellationToken.None)).ToList();

        var refused = await Assert.ThrowsAsync<StorageBusyException>(() => store.AddAsync(SqliteDb.Channel, Quote(-1), CancellationToken.None));

        Assert.Equal(GroupCommitWriter.MaxPending, refused.MaxPending);
        Assert.Contains(GroupCommitWriter.MaxPending.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        await _writer.StartAsync(CancellationToken.None);
        await Task.WhenAll(queued);
        await using var ctx = _db.Db.Create();
        Assert.Equal(GroupCommitWriter.MaxPending, await ctx.Set<QuoteEntity>().CountAsync());
        Assert.False(await ctx.Set<QuoteEntity>().AnyAsync(q => q.Text.StartsWith("quote -1")));
    }

    [Fact]
    public async Task The_same_quote_saved_twice_in_one_batch_and_again_later_is_stored_once()
    {
        var store = new QuoteStore(_db.Db, _writer, _db.Clock);
        var one = store.AddAsync(SqliteDb.Channel, Quote(5), CancellationToken.None);
        var other = store.AddAsync(SqliteDb.Channel, Quote(6), CancellationToken.None);
        var twice = store.AddAsync(SqliteDb.Channel, Quote(5) with { Text = "  QUOTE 5 — the export breaks *EVERY* monday!! " }, CancellationToken.None);
        await _writer.StartAsync(CancellationToken.None);

        var (first, second) = (await one, await twice);
        Assert.True(first.Added ^ second.Added);
        Assert.Equal(first.Quote.Id, second.Quote.Id);
        Assert.True((await other).Added);
        var again = await store.AddAsync(SqliteDb.Channel, Quote(5), CancellationToken.None);
        Assert.False(again.Added);
        Assert.Equal(first.Quote.Id, again.Quote.Id);
        Assert.True((await store.AddAsync(SqliteDb.Channel, Quote(5) with { Customer = "Initech" }, CancellationToken.None)).Added);

        await using var ctx = _db.Db.Create();
        Assert.Equal(3, await ctx.Set<QuoteEntity>().CountAsync());
    }

    [Fact]
    public async Task A_write_is_not_completed_before_its_commit()
    {
        var store = new QuoteStore(_db.Db, _writer, _db.Clock);
        var write = store.AddAsync(SqliteDb.Channel, Quote(7), CancellationToken.None);
        await Task.Delay(50, TestContext.Current.CancellationToken);

        Assert.False(write.IsCompleted);
        Assert.Equal(0, _writer.Commits);
        await _writer.StartAsync(CancellationToken.None);
        var saved = await write;
        await using var ctx = _db.Db.Create();
        Assert.True(await ctx.Set<QuoteEntity>().AnyAsync(q => q.Id == saved.Quote.Id));
    }

    [Fact]
    public async Task The_prepared_quote_insert_stores_the_same_columns_as_ef_core()
    {
        var store = new QuoteStore(_db.Db, _writer, _db.Clock);
        var quote = new NewQuote(
            "“导出太慢了” — every Monday the export times out",
            "Acme 中国",
            "zh",
            new QuoteOrigin("U1", "Ana", "U2", null, "https://example.slack.com/archives/C1/p1", "1700000000.000100", "reaction"),
            new DateTimeOffset(2026, 11, 23, 17, 5, 9, 123, TimeSpan.FromHours(8)).AddTicks(4567),
            ["pain", "performance"],
            Motive.Want,
            ["pricing"]);
        var efChannel = SqliteDb.Channel with { Channel = "ef" };
        await using (var ctx = _db.Db.Create())
        {
            var row = QuoteStore.NewRow(efChannel, quote);
            row.Fingerprint = QuoteFingerprint.Of(quote.Text, quote.Customer);
            ctx.Add(row);
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await _writer.StartAsync(CancellationToken.None);
        var saved = await store.AddAsync(SqliteDb.Channel, quote, CancellationToken.None);

        var ef = await RawRowAsync(efChannel.Channel);
        var direct = await RawRowAsync(SqliteDb.Channel.Channel);
        Assert.Equal(saved.Quote.Id, direct["Id"]);
        Assert.Equal(ef.Keys.Order(), direct.Keys.Order());
        foreach (var column in ef.Keys.Where(c => c is not "Id" and not "Channel"))
        {
            Assert.True(Equals(ef[column], direct[column]), $"{column}: EF Core stored {ef[column]} ({ef[column]?.GetType().Name}), the prepared insert {direct[column]} ({direct[column]?.GetType().Name})");
        }

        Assert.Null(direct["AuthorName"]);
    }

    /// <summary>Every column of the channel's one quote as SQLite returns it (TEXT, INTEGER or NULL), without EF Core's conversions.</summary>
    private async Task<Dictionary<string, object?>> RawRowAsync(string channel)
    {
        await using var ctx = _db.Db.Create();
        await ctx.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var cmd = ctx.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT * FROM quotes WHERE \"Channel\" = $c";
        var p = cmd.CreateParameter();
        p.ParameterName = "$c";
        p.Value = channel;
        cmd.Parameters.Add(p);
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
        Assert.False(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return row;
    }

    [Fact]
    public async Task Storage_busy_is_answered_503_with_retry_after()
    {
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseRetryLaterResponse();
        app.Run(_ => throw new StorageBusyException(GroupCommitWriter.MaxPending, TimeSpan.FromSeconds(1)));
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();

        await app.Build()(http);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("1", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        Assert.Contains("4096", await new StreamReader(http.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

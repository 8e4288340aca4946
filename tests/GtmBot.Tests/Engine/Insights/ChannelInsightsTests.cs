using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Insights;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Engine.Insights;

/// <summary>
/// The stored per-channel insights against the from-scratch engine: after captures, repeated saves, corrections and
/// re-tags, the rebuilt snapshot equals <see cref="QuoteInsights.Compute"/> over the channel's quotes, and a read between a
/// change and its rebuild answers from the snapshot and says how far behind it is. Real engine, flow and SQLite store.
/// </summary>
public sealed class ChannelInsightsTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "product");
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-channel-insights-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    private static readonly string[] First =
    [
        "Acme: We lost a week of work because there is no automatic backup. We need nightly backups.",
        "Globex: Our IT team needs a way to back up the workspace before every release.",
        "Umbrella Health: Backups must be kept for 30 days for our auditors.",
        "海川科技：没有自动备份，误删了一个项目根本找不回来。",
        "Initech: The API rate limit is too low for our nightly sync jobs.",
        "Soylent: We need an API to pull deals into our warehouse.",
        "The API should support webhooks.",
        "API access is a must for us.",
    ];

    private static readonly string[] Later =
    [
        "北辰物流：数据备份要能导到我们自己的服务器上。",
        "Globex: Is your API documented somewhere? Our devs want to build on it.",
        "Another API request from the webinar.",
    ];

    private ChannelInsights Insights => _services.GetRequiredService<ChannelInsights>();

    private InsightsRefreshQueue Queue => _services.GetRequiredService<InsightsRefreshQueue>();

    private IQuoteStore Store => _services.GetRequiredService<IQuoteStore>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        // Every read after the first answers from the snapshot, however small the channel, so staleness is visible.
        services.AddSingleton(new InsightsRefreshOptions(Debounce, InlineUpTo: 0));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<QuoteFlow>();
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        foreach (var quote in First)
        {
            await CaptureAsync(quote);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task CaptureAsync(string quote)
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        await Say("/gtm quote " + quote);
    }

    private Task<IReadOnlyList<Reply>> Say(string text) =>
        _services.GetRequiredService<ConversationEngine>().HandleAsync(new Turn(Channel, new TurnUser("ana"), "en", new CommandInput(text)), CancellationToken.None);

    /// <summary>The from-scratch result: the channel's newest quotes through the theme engine now, as the card did per request.</summary>
    private async Task<string> FromScratchAsync(int threshold)
    {
        var quotes = await Store.ListAsync(Channel, null, QuoteFlow.MaxScanned, CancellationToken.None);
        return Json(QuoteInsights.Compute(quotes, threshold, QuoteFlow.MaxThemesShown));
    }

    /// <summary>Everything the card shows: counts, tag and motive counts, each theme whole, its common mark, motive and the quotes quoted.</summary>
    private static string Json(QuoteInsights insights) => JsonSerializer.Serialize(new
    {
        insights.Quotes,
        insights.Customers,
        insights.Unattributed,
        insights.TagCounts,
        insights.MotiveCounts,
        Themes = insights.Themes.Select(t => new { t.Theme, t.Common, t.Motive, Shown = t.Quotes.Take(QuoteFlow.QuotesPerTheme).Select(q => q.Id) }),
    });

    /// <summary>What the background worker does: take each due channel and rebuild it.</summary>
    private async Task<int> RunDueRebuildsAsync()
    {
        var rebuilt = 0;
        while (Queue.Count > 0)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var channel = await Queue.NextAsync(cts.Token);
            await Insights.RefreshAsync(channel, CancellationToken.None);
            rebuilt++;
        }

        return rebuilt;
    }

    private async Task<InsightsView> ViewAsync() => await Insights.GetAsync(Channel, CancellationToken.None) ?? throw new InvalidOperationException("no insights");

    [Fact]
    public async Task The_first_read_builds_the_snapshot_and_it_equals_the_engine_from_scratch()
    {
        var view = await ViewAsync();

        Assert.False(view.Behind);
        Assert.Equal(await FromScratchAsync(3), Json(view.Snapshot.At(3)));
        Assert.Equal(8, view.Snapshot.Insights.Quotes);
        Assert.Equal(6, view.Snapshot.Insights.Customers);
        Assert.Equal(2, view.Snapshot.Insights.Unattributed);
    }

    [Fact]
    public async Task After_captures_repeats_corrections_and_re_tags_the_rebuilt_snapshot_equals_the_engine_from_scratch()
    {
        await ViewAsync();
        await RunDueRebuildsAsync();

        // Captures: the snapshot is behind until the channel's rebuild runs (one rebuild for the burst, after the debounce).
        foreach (var quote in Later)
        {
            await CaptureAsync(quote);
        }

        var behind = await ViewAsync();
        Assert.True(behind.Behind);
        Assert.Equal(3, behind.NewQuotes);
        Assert.Equal(8, behind.Snapshot.Insights.Quotes);
        Assert.Equal(1, await RunDueRebuildsAsync());
        var current = await ViewAsync();
        Assert.False(current.Behind);
        Assert.Equal(11, current.Snapshot.Insights.Quotes);
        Assert.Equal(await FromScratchAsync(3), Json(current.Snapshot.At(3)));

        // The same words from the same customer again: nothing stored, nothing behind, still counted once.
        await CaptureAsync(First[0]);
        Assert.False((await ViewAsync()).Behind);
        Assert.Equal(11, (await ViewAsync()).Snapshot.Insights.Quotes);

        // A person's correction (motive) and a tag switched off through the card's actions' store call.
        var quotes = await Store.ListAsync(Channel, null, 100, CancellationToken.None);
        var backup = quotes.Single(q => q.Text.Contains("nightly backups", StringComparison.Ordinal));
        await Store.CorrectAsync(Channel, backup.Id, new QuoteCorrection(QuoteCorrection.MotiveField, "want", "ana", null, _clock.GetUtcNow()), CancellationToken.None);
        var edited = await ViewAsync();
        Assert.True(edited.Behind);
        Assert.Equal(0, edited.NewQuotes);
        await Insights.RefreshAsync(Channel, CancellationToken.None);
        Assert.Equal(await FromScratchAsync(3), Json((await ViewAsync()).Snapshot.At(3)));
        Assert.Contains((await ViewAsync()).Snapshot.Insights.MotiveCounts, m => m.Key == Motive.Want && m.Value >= 1);

        // Re-tagging by the tagger.
        var api = quotes.First(q => q.Text.Contains("webhooks", StringComparison.Ordinal));
        await Store.UpdateAutoTagsAsync(Channel, api.Id, ["pricing"], Motive.Need, CancellationToken.None);
        Assert.True((await ViewAsync()).Behind);
        await Insights.RefreshAsync(Channel, CancellationToken.None);
        var final = await ViewAsync();
        Assert.False(final.Behind);
        Assert.Equal(await FromScratchAsync(3), Json(final.Snapshot.At(3)));
        Assert.Equal(await FromScratchAsync(1), Json(final.Snapshot.At(1)));
    }

    [Fact]
    public async Task A_reply_from_a_snapshot_that_is_behind_says_so_and_the_rebuild_catches_up()
    {
        Assert.Single(await Say("/gtm insights"));
        await RunDueRebuildsAsync();
        await CaptureAsync(Later[0]);
        await CaptureAsync(Later[1]);

        var stale = Assert.Single(await Say("/gtm insights"));
        var note = Assert.Single(stale.Blocks.OfType<ContextBlock>(), c => c.Markup.Contains("not counted yet", StringComparison.Ordinal));
        Assert.Contains("2 newer quotes", note.Markup, StringComparison.Ordinal);
        Assert.Equal("Quote insights — 8 quotes from 6 customers", Assert.IsType<HeaderBlock>(stale.Blocks[0]).Text);

        // The read asked for the rebuild now, not after the debounce.
        Assert.Equal(1, await RunDueRebuildsAsync());
        var fresh = Assert.Single(await Say("/gtm insights"));
        Assert.DoesNotContain(fresh.Blocks.OfType<ContextBlock>(), c => c.Markup.Contains("not counted yet", StringComparison.Ordinal));
        Assert.Equal("Quote insights — 10 quotes from 7 customers", Assert.IsType<HeaderBlock>(fresh.Blocks[0]).Text);
    }

    [Fact]
    public async Task The_threshold_applies_to_the_stored_snapshot_without_a_rebuild()
    {
        await ViewAsync();
        Assert.Contains(await Say("/gtm insights threshold 4"), r => r.Blocks.OfType<HeaderBlock>().Any());

        var view = await ViewAsync();
        Assert.False(view.Behind);
        Assert.All(view.Snapshot.At(4).Themes, t => Assert.Equal(t.Theme.DistinctCustomers >= 4, t.Common));
        Assert.Equal(await FromScratchAsync(4), Json(view.Snapshot.At(4)));
    }

    [Fact]
    public async Task A_channel_without_quotes_has_no_insights()
    {
        Assert.Null(await Insights.GetAsync(Channel with { Channel = "empty" }, CancellationToken.None));
    }
}

/// <summary>The rebuild queue: a burst of changes in one channel is one rebuild, due at the first change plus the debounce.</summary>
public sealed class InsightsRefreshQueueTests
{
    private static readonly ConversationKey A = new(Platforms.Local, "local", "a");
    private static readonly ConversationKey B = new(Platforms.Local, "local", "b");

    [Fact]
    public async Task A_burst_is_one_rebuild_due_after_the_debounce_and_channels_come_in_due_order()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var queue = new InsightsRefreshQueue(clock);
        queue.Request(A, TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(1));
        queue.Request(A, TimeSpan.FromSeconds(2)); // later ask: the earlier due time stands
        queue.Request(B, TimeSpan.FromSeconds(5));
        Assert.Equal(2, queue.Count);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // generous: a loaded test run can starve the thread pool for seconds
        var next = queue.NextAsync(cts.Token);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(A, await next);
        Assert.Equal(1, queue.Count);

        var second = queue.NextAsync(cts.Token);
        clock.Advance(TimeSpan.FromSeconds(3)); // B was asked at 1 s for 5 s later: due at 6 s, now 5 s
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(B, await second);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_request_wakes_a_waiting_worker()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var queue = new InsightsRefreshQueue(clock);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // generous: a loaded test run can starve the thread pool for seconds
        var next = queue.NextAsync(cts.Token);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        queue.Request(B, TimeSpan.Zero);
        Assert.Equal(B, await next);
    }

    [Fact]
    public async Task After_a_rest_is_asked_no_channel_is_handed_out_until_it_has_passed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var queue = new InsightsRefreshQueue(clock);
        queue.RestFor(TimeSpan.FromSeconds(4));
        queue.Request(A, TimeSpan.Zero); // due now, but the worker rests

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // generous: a loaded test run can starve the thread pool for seconds
        var next = queue.NextAsync(cts.Token);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(3));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(A, await next);
    }
}

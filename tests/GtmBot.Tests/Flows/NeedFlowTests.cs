using System.Runtime.CompilerServices;
using GtmBot.Engine;
using GtmBot.Engine.Charts;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Needs;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static GtmBot.Tests.Flows.FlowTestKit;

namespace GtmBot.Tests.Flows;

/// <summary>The needs flow through the real engine, the real SQLite stores and the real outbox.</summary>
public sealed class NeedFlowTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-needs-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly StrongBox<int> _profileReads = new();
    private ServiceProvider _services = null!;

    private ConversationEngine Engine => _services.GetRequiredService<ConversationEngine>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<QuoteFlow>().AddFlow<NeedFlow>().AddSingleton<IDigestContributor, NeedDigest>();
        var stored = services.Last(d => d.ServiceType == typeof(ICustomerStore));
        services.Remove(stored);
        services.AddSingleton<ICustomerStore>(sp => new CountingCustomers((ICustomerStore)ActivatorUtilities.CreateInstance(sp, stored.ImplementationType!), _profileReads));
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<IReadOnlyList<Reply>> Say(string text, string user = "pat")
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        return await Engine.HandleAsync(new Turn(Channel, new TurnUser(user), "en", new CommandInput(text)), CancellationToken.None);
    }

    private async Task<IReadOnlyList<Reply>> Press(string actionId, string? value, string user = "pat", Dictionary<string, string?>? form = null)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        return await Engine.HandleAsync(new Turn(Channel, new TurnUser(user), "en", new ActionInput(actionId, value, form ?? [])), CancellationToken.None);
    }

    private static string Text(IEnumerable<Reply> replies) => string.Join('\n', replies.Select(AllText));

    /// <summary>The direct messages in the outbox: (recipient, idempotency key, plain text).</summary>
    private async Task<List<(string To, string? Key, string Text)>> DirectMessagesAsync()
    {
        await using var ctx = _services.GetRequiredService<IGtmDbFactory>().Create();
        var rows = await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.Channel.StartsWith("@")).OrderBy(o => o.Id).ToListAsync();
        return [.. rows.Select(r =>
        {
            var reply = System.Text.Json.JsonSerializer.Deserialize<Reply>(r.ReplyJson, StorageJson.Options)!;
            return (r.Channel[1..], r.IdempotencyKey, AllText(reply));
        })];
    }

    /// <summary>Quotes from four customers, captured by sam (Acme, Initech) and lee (Globex, Umbrella), then need #1 from the theme.</summary>
    private async Task<Reply> NeedFromInsightsAsync()
    {
        await Say("/gtm quote Acme: we need a scheduled backup of the project database every night", "sam");
        await Say("/gtm quote Initech: without a scheduled backup we cannot pass the audit", "sam");
        await Say("/gtm quote Globex: a scheduled backup is a must for our IT team", "lee");
        await Say("/gtm quote Umbrella: please add a scheduled backup to the admin console", "lee");
        var insights = await Say("/gtm insights");
        var make = ButtonOf(Assert.Single(insights, r => Buttons(r).Any(b => b.ActionId == NeedActions.FromTheme)), NeedActions.FromTheme);
        var made = await Press(make.ActionId, make.Value);
        Assert.Contains("Need #1 created.", Text(made), StringComparison.Ordinal);
        return Artefact(made, NeedFlow.ArtefactKey(1));
    }

    [Fact]
    public async Task A_need_made_from_insights_links_the_themes_quotes_and_is_a_living_card()
    {
        var card = await NeedFromInsightsAsync();
        var text = AllText(card);
        Assert.Contains("Need #1:", text, StringComparison.Ordinal);
        Assert.Contains("New", text, StringComparison.Ordinal);
        Assert.Contains("4 customers", text, StringComparison.Ordinal);
        Assert.Contains("Acme", text, StringComparison.Ordinal);
        Assert.Contains("Umbrella", text, StringComparison.Ordinal);
        // The next legal statuses are the card's buttons.
        Assert.Equal([NeedActions.Status, NeedActions.Status, NeedActions.Status], Buttons(card).Select(b => b.ActionId));

        // Pressing "Make a need" again gives the same need, not a second one.
        var insights = await Say("/gtm insights");
        var make = ButtonOf(insights.First(r => Buttons(r).Any(b => b.ActionId == NeedActions.FromTheme)), NeedActions.FromTheme);
        Assert.Contains("already made", Text(await Press(make.ActionId, make.Value)), StringComparison.Ordinal);
        Assert.Single(await _services.GetRequiredService<INeedStore>().ListAsync(Channel, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Moving_to_planned_sends_each_capturer_exactly_one_message_naming_their_customers_in_their_language()
    {
        await NeedFromInsightsAsync();
        await Say("/gtm lang zh", "lee");

        var planned = await Say("/gtm need 1 status planned Q3 release");
        Assert.Contains("Need #1 updated.", Text(planned), StringComparison.Ordinal);
        Assert.Contains("Planned", AllText(Artefact(planned, NeedFlow.ArtefactKey(1))), StringComparison.Ordinal);

        var dms = await DirectMessagesAsync();
        Assert.Equal(2, dms.Count);
        var sam = Assert.Single(dms, d => d.To == "sam");
        Assert.Contains("your quotes from Acme and Initech", sam.Text, StringComparison.Ordinal);
        Assert.Contains("Planned:", sam.Text, StringComparison.Ordinal);
        Assert.Contains("Why: Q3 release", sam.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", sam.Text, StringComparison.Ordinal);
        var lee = Assert.Single(dms, d => d.To == "lee");
        Assert.Contains("已排期", lee.Text, StringComparison.Ordinal);
        Assert.Contains("Globex、Umbrella", lee.Text, StringComparison.Ordinal);
        Assert.Contains("原因：Q3 release", lee.Text, StringComparison.Ordinal);

        // The same move again changes nothing and sends nothing; the next move sends one more message each.
        Assert.Contains("already Planned", Text(await Say("/gtm need 1 status planned")), StringComparison.Ordinal);
        Assert.Equal(2, (await DirectMessagesAsync()).Count);
        await Say("/gtm need 1 status in progress");
        dms = await DirectMessagesAsync();
        Assert.Equal(4, dms.Count);
        Assert.Equal(4, dms.Select(d => (d.To, d.Key)).Distinct().Count());
    }

    [Fact]
    public async Task Notify_off_stops_a_persons_messages_and_on_brings_them_back()
    {
        await NeedFromInsightsAsync();
        Assert.Contains("won't get direct messages", Text(await Say("/gtm notify off", "sam")), StringComparison.Ordinal);
        await Say("/gtm need 1 status under review");
        Assert.Equal(["lee"], (await DirectMessagesAsync()).Select(d => d.To));

        await Say("/gtm notify on", "sam");
        await Say("/gtm need 1 status planned");
        Assert.Equal(["lee", "sam", "lee"], (await DirectMessagesAsync()).Select(d => d.To));
    }

    [Fact]
    public async Task A_refused_message_shows_on_the_need()
    {
        await NeedFromInsightsAsync();
        await Say("/gtm need 1 status planned");
        var outbox = _services.GetRequiredService<OutboxStore>();
        var claimed = await outbox.ClaimAsync("test", TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        var toSam = Assert.Single(claimed, c => c.Conversation.DirectUser == "sam");
        await outbox.DeadLetterAsync(toSam, "user_not_found", CancellationToken.None);

        var shown = Text(await Say("/gtm need 1"));
        Assert.Contains("@sam did not hear back about “Planned”: user_not_found", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("@lee did not hear back", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_buttons_move_the_need_and_wont_do_asks_for_a_reason()
    {
        var card = await NeedFromInsightsAsync();
        var review = ButtonOf(card, NeedActions.Status, "1|UnderReview");
        var moved = Artefact(await Press(review.ActionId, review.Value), NeedFlow.ArtefactKey(1));
        Assert.Contains("Under review", AllText(moved), StringComparison.Ordinal);

        // The old card's button is stale: it is refused, nothing moves twice.
        Assert.Contains("Someone changed need #1", Text(await Press(review.ActionId, review.Value)), StringComparison.Ordinal);

        // "Won't do" is a status button like the others; it asks why before anything moves.
        var wont = ButtonOf(moved, NeedActions.Status, "1|WontDo");
        var form = Assert.Single(await Press(wont.ActionId, wont.Value)).Form!;

        // A stale card's old "won't do" id still opens the same form.
        var stale = Assert.Single(await Press(NeedActions.WontDo, "1|2")).Form!;
        Assert.Equal((form.Title, form.SubmitActionId, form.Value, form.Inputs.Single()), (stale.Title, stale.SubmitActionId, stale.Value, stale.Inputs.Single()));
        var empty = Assert.Single(await Press(form.SubmitActionId, form.Value, form: new() { [NeedFlow.ReasonInput] = " " }));
        Assert.Contains("Say why", empty.Form!.Error, StringComparison.Ordinal);
        var declined = await Press(form.SubmitActionId, form.Value, form: new() { [NeedFlow.ReasonInput] = "covered by the partner's tool" });
        Assert.Contains("Why: covered by the partner's tool", AllText(Artefact(declined, NeedFlow.ArtefactKey(1))), StringComparison.Ordinal);
        Assert.Contains(await DirectMessagesAsync(), d => d.Text.Contains("Won't do", StringComparison.Ordinal) && d.Text.Contains("covered by the partner's tool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_changes_nothing()
    {
        await NeedFromInsightsAsync();
        Assert.Contains("There is no need #9", Text(await Say("/gtm need 9 status planned")), StringComparison.Ordinal);
        Assert.Contains("can't go from New to Shipped", Text(await Say("/gtm need 1 status shipped")), StringComparison.Ordinal);
        Assert.Contains("Say why", Text(await Say("/gtm need 1 status won't do")), StringComparison.Ordinal);
        Assert.Contains("I don't know the status “later”", Text(await Say("/gtm need 1 status later")), StringComparison.Ordinal);
        Assert.Contains("S, M, L or XL", Text(await Say("/gtm need 1 effort huge")), StringComparison.Ordinal);
        Assert.Contains("no quote #999", Text(await Say("/gtm need 1 link 999")), StringComparison.Ordinal);
        Assert.Empty(await DirectMessagesAsync());

        await Say("/gtm need 1 status planned");
        await Say("/gtm need 1 status in progress");
        await Say("/gtm need 1 status shipped");
        Assert.Contains("is Shipped: that is final", Text(await Say("/gtm need 1 status new")), StringComparison.Ordinal);
        Assert.Contains("需求 #1 已是「已发布」", Text(await ZhAsync("/gtm 需求 1 状态 新建")), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Reply>> ZhAsync(string text)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        return await Engine.HandleAsync(new Turn(Channel, new TurnUser("mei"), "zh-CN", new CommandInput(text)), CancellationToken.None);
    }

    [Fact]
    public async Task Owner_effort_moscow_and_links_are_kept_with_history_and_the_list_ranks_by_score()
    {
        await NeedFromInsightsAsync();
        await Say("/gtm need new export to CSV");
        await Say("/gtm need 1 owner @ana");
        await Say("/gtm need 1 effort S");
        await Say("/gtm need 2 moscow must");
        var quoteId = (await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, 10, CancellationToken.None)).First().Id;
        await Say($"/gtm need 2 link {quoteId}");

        var need = await _services.GetRequiredService<INeedStore>().GetAsync(Channel, 1, CancellationToken.None);
        Assert.Equal("ana", need!.Owner);
        Assert.Equal(Effort.S, need.Effort);
        var history = await _services.GetRequiredService<INeedStore>().HistoryAsync(Channel, need.Id, 10, CancellationToken.None);
        Assert.Equal([NeedProperties.Effort, NeedProperties.Owner, NeedProperties.Created], history.Select(h => h.Property));
        Assert.All(history, h => Assert.Equal("pat", h.By));

        var list = Text(await Say("/gtm needs"));
        Assert.True(list.IndexOf("#1", StringComparison.Ordinal) < list.IndexOf("#2", StringComparison.Ordinal), list);
        Assert.Contains("Marked Must, but no common need", list, StringComparison.Ordinal);
        Assert.Contains("#2", Text(await Say("/gtm needs new")), StringComparison.Ordinal);
        Assert.DoesNotContain("#2", Text(await Say("/gtm needs planned")), StringComparison.Ordinal);

        await Say($"/gtm need 2 unlink {quoteId}");
        Assert.Empty((await _services.GetRequiredService<INeedStore>().GetAsync(Channel, 2, CancellationToken.None))!.QuoteIds);
    }

    [Fact]
    public async Task The_digest_lists_the_weeks_status_changes()
    {
        await NeedFromInsightsAsync();
        var since = _clock.GetUtcNow();
        await Say("/gtm need 1 status planned");
        var digest = _services.GetServices<IDigestContributor>().OfType<NeedDigest>().Single();
        var section = await digest.ContributeAsync(Channel, GtmBot.Engine.Strings.Lang.En, since, _clock.GetUtcNow(), CancellationToken.None);
        Assert.NotNull(section);
        Assert.Contains("New → Planned", Assert.Single(section.Lines), StringComparison.Ordinal);
        Assert.Null(await digest.ContributeAsync(Channel, GtmBot.Engine.Strings.Lang.En, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(7), CancellationToken.None));
    }

    [Fact]
    public async Task The_needs_chart_draws_the_needs_by_status_over_the_days_of_their_history()
    {
        Assert.Contains("No needs yet", Text(await Say("/gtm insights chart needs")), StringComparison.Ordinal);

        await NeedFromInsightsAsync();
        await Say("/gtm need new export to CSV");
        _clock.Advance(TimeSpan.FromDays(1));
        await Say("/gtm need 1 status planned");
        _clock.Advance(TimeSpan.FromDays(1));
        var notice = Text(await Say("/gtm insights chart needs"));
        Assert.Contains("The chart of 2 needs over 3 days is on its way.", notice, StringComparison.Ordinal);
        Assert.Contains("2 个需求、3 天的图表正在发送。", Text(await ZhAsync("/gtm insights 图表 需求")), StringComparison.Ordinal);

        await using var ctx = _services.GetRequiredService<IGtmDbFactory>().Create();
        var queued = await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.IdempotencyKey!.StartsWith("chart:")).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(2, queued.Count);
        var exports = _services.GetRequiredService<IExportStore>();
        var en = await exports.GetFileAsync(Channel.WorkspaceKey, long.Parse(queued[0].IdempotencyKey!["chart:".Length..], System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        var zh = await exports.GetFileAsync(Channel.WorkspaceKey, long.Parse(queued[1].IdempotencyKey!["chart:".Length..], System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.Equal("Needs by status over time", en!.Title);
        Assert.Equal("各状态的需求数（随时间）", zh!.Title);
        Assert.StartsWith("needs-chart-", en.FileName, StringComparison.Ordinal);
        using var bitmap = SkiaSharp.SKBitmap.Decode(en.Content);
        Assert.Equal((ChartPainter.Width, ChartPainter.ColumnChartHeight), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task A_status_change_reads_the_customer_profiles_once_for_the_notices_and_the_card()
    {
        await NeedFromInsightsAsync();
        _profileReads.Value = 0;

        Assert.Contains("Need #1 updated.", Text(await Say("/gtm need 1 status planned")), StringComparison.Ordinal);

        Assert.Equal(1, _profileReads.Value);
    }

    [Fact]
    public async Task Linking_reads_the_named_quotes_in_one_batch_and_names_the_first_unknown_one()
    {
        await NeedFromInsightsAsync();
        var ids = (await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, 10, CancellationToken.None)).Select(q => q.Id).ToList();

        Assert.Contains("no quote #998", Text(await Say($"/gtm need 1 link {ids[0]} 998 999")), StringComparison.Ordinal);
        Assert.Contains("Need #2 created.", Text(await Say("/gtm need new other")), StringComparison.Ordinal);
        Assert.Contains("Need #2 updated.", Text(await Say($"/gtm need 2 link {ids[0]},{ids[1]}")), StringComparison.Ordinal);
        Assert.Equal(ids.Take(2).Order(), (await _services.GetRequiredService<INeedStore>().GetAsync(Channel, 2, CancellationToken.None))!.QuoteIds.Order());
    }

    [Fact]
    public async Task Direct_messages_follow_the_language_chain_of_every_answer_person_then_channel_then_workspace()
    {
        await NeedFromInsightsAsync();
        await Say("/gtm lang zh channel");
        await Say("/gtm lang en", "lee");

        await Say("/gtm need 1 status planned");

        var dms = await DirectMessagesAsync();
        Assert.Contains("已排期", dms.Single(d => d.To == "sam").Text, StringComparison.Ordinal);
        Assert.Contains("Planned", dms.Single(d => d.To == "lee").Text, StringComparison.Ordinal);
        Assert.Equal(
            GtmBot.Engine.Strings.Lang.Zh,
            await ConversationEngine.ResolveLanguageAsync(_services.GetRequiredService<ISettingsStore>(), Channel, "sam", "en-US", CancellationToken.None));
    }

    /// <summary>Counts the reads of all profiles (the evidence of a need).</summary>
    private sealed class CountingCustomers(ICustomerStore inner, StrongBox<int> reads) : ICustomerStore
    {
        public Task<CustomerProfile?> GetAsync(string workspaceKey, string name, CancellationToken cancellationToken) => inner.GetAsync(workspaceKey, name, cancellationToken);

        public Task<IReadOnlyList<CustomerProfile>> ListAsync(string workspaceKey, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads.Value);
            return inner.ListAsync(workspaceKey, cancellationToken);
        }

        public Task UpsertAsync(string workspaceKey, CustomerProfile profile, CancellationToken cancellationToken) => inner.UpsertAsync(workspaceKey, profile, cancellationToken);
    }
}

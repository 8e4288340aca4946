using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Flows;

/// <summary>The quote flow through the real engine and the real SQLite store.</summary>
public sealed class QuoteFlowTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "sales");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-quotes-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    private ConversationEngine Engine => _services.GetRequiredService<ConversationEngine>();

    private IQuoteStore Store => _services.GetRequiredService<IQuoteStore>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<QuoteFlow>().AddSingleton<IDigestContributor, QuoteDigest>();
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

    private Task<IReadOnlyList<Reply>> Say(string text, string user = "ana") =>
        Engine.HandleAsync(new Turn(Channel, new TurnUser(user), "en", new CommandInput(text)), CancellationToken.None);

    private Task<IReadOnlyList<Reply>> Press(string actionId, string? value, string user = "ana", Dictionary<string, string?>? form = null) =>
        Engine.HandleAsync(new Turn(Channel, new TurnUser(user), "en", new ActionInput(actionId, value, form ?? [])), CancellationToken.None);

    private static string AllText(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => Markup.ToPlainText(t.Markup),
        ContextBlock c => Markup.ToPlainText(c.Markup),
        FieldsBlock f => string.Join(' ', f.Fields.Select(x => x.Label + " " + Markup.ToPlainText(x.Value))),
        ActionsBlock a => string.Join(' ', a.Menus.SelectMany(m => m.Options.Select(o => o.Label).Prepend(m.Label)).Concat(a.Buttons.Select(x => x.Label))),
        FormBlock form => form.Title + " " + form.Error,
        _ => string.Empty,
    }));

    private async Task<QuoteRecord> OnlyQuoteAsync() => Assert.Single(await Store.ListAsync(Channel, null, 100, CancellationToken.None));

    [Fact]
    public async Task The_same_words_from_the_same_customer_saved_again_store_nothing_and_say_so_in_both_languages()
    {
        await Say("/gtm quote Harbor Labs: we retype every order by hand into a spreadsheet");
        var again = Assert.Single(await Say("/gtm quote Harbor Labs: We retype every order  by hand into a *spreadsheet*!", user: "bo"));
        Assert.Contains("Already saved", AllText(again), StringComparison.Ordinal);
        var quote = await OnlyQuoteAsync();
        Assert.Equal("ana", quote.Origin.CapturedBy);

        await Say("/gtm lang zh", user: "bo");
        var zh = Assert.Single(await Engine.HandleAsync(new Turn(Channel, new TurnUser("bo"), "zh", new CommandInput("/gtm quote Harbor Labs: we retype every order by hand into a spreadsheet")), CancellationToken.None));
        Assert.Contains("已经保存过", AllText(zh), StringComparison.Ordinal);

        // Other words, or the same words from another customer, are another quote.
        await Say("/gtm quote Initech: we retype every order by hand into a spreadsheet");
        Assert.Equal(2, (await Store.ListAsync(Channel, null, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Slash_capture_stores_the_quote_with_customer_and_shows_toggles()
    {
        var reply = Assert.Single(await Say("/gtm quote Harbor Labs: we retype every order by hand into a spreadsheet"));

        var quote = await OnlyQuoteAsync();
        Assert.Equal("Harbor Labs", quote.Customer);
        Assert.Equal("ana", quote.Origin.CapturedBy);
        Assert.Equal(QuoteSource.Local, quote.Origin.Source);
        Assert.Equal("en", quote.Language);
        Assert.Equal(_clock.GetUtcNow(), quote.CapturedAt);
        Assert.Contains(QuoteTags.Pain, quote.Tags);

        Assert.Equal(ReplyVisibility.Channel, reply.Visibility);
        // Compact: no button wall, one menu holding every tag toggle and the three motives; the state is a line of text.
        Assert.Empty(reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons));
        var menu = Assert.Single(reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Menus));
        Assert.Equal(QuoteTags.All.Count, menu.Options.Count(o => o.ActionId == QuoteActions.Tag));
        Assert.Equal(3, menu.Options.Count(o => o.ActionId == QuoteActions.Motive));
        Assert.Contains(menu.Options, o => o.ActionId == QuoteActions.Tag && o.Value == $"{quote.Id}|pain" && o.Label.StartsWith("✓ ", StringComparison.Ordinal));
        Assert.Contains("Tags: pain", AllText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_from_the_quote_menu_toggles_the_tag_as_the_button_did()
    {
        var reply = Assert.Single(await Say("/gtm quote Harbor Labs: we retype every order by hand into a spreadsheet"));
        var quote = await OnlyQuoteAsync();
        var option = Assert.Single(reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Menus).Single().Options, o => o.ActionId == QuoteActions.Tag && o.Value == $"{quote.Id}|pain");

        // The edge sends a menu choice as the choose action with the option's encoded action.
        var replaced = Assert.Single(await Press(ActionMenu.ChooseActionId, ActionMenu.Encode(option)));

        Assert.Equal(ReplyPlacement.ReplaceOriginal, replaced.Placement);
        Assert.DoesNotContain(QuoteTags.Pain, (await OnlyQuoteAsync()).Tags);
        var pain = Assert.Single(replaced.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Menus).Single().Options, o => o.Value == $"{quote.Id}|pain");
        Assert.DoesNotContain("✓", pain.Label, StringComparison.Ordinal);
        Assert.DoesNotContain("Tags: pain", AllText(replaced), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_customer_prefix_is_read_from_the_slash_command()
    {
        await Say("/gtm 引用 客户K：每次月底对账都要加班，能不能自动对账？");
        var quote = await OnlyQuoteAsync();
        Assert.Equal("客户K", quote.Customer);
        Assert.Equal("zh", quote.Language);
    }

    [Fact]
    public async Task Bare_quote_command_opens_a_form_and_its_submit_captures()
    {
        var reply = Assert.Single(await Say("/gtm quote"));
        var form = Assert.IsType<FormBlock>(reply.Form);
        Assert.Equal(QuoteActions.Submit, form.SubmitActionId);

        await Press(QuoteActions.Submit, null, form: new() { [QuoteCapture.Text] = "The mobile app logs us out every hour", [QuoteCapture.Customer] = "Quarry" });
        var quote = await OnlyQuoteAsync();
        Assert.Equal("Quarry", quote.Customer);
        Assert.Equal(QuoteSource.Form, quote.Origin.Source);
    }

    [Fact]
    public async Task Empty_submit_asks_for_the_text_and_stores_nothing()
    {
        var reply = Assert.Single(await Press(QuoteActions.Submit, null, form: new() { [QuoteCapture.Text] = "   " }));
        Assert.NotNull(reply.Form?.Error);
        Assert.Empty(await Store.ListAsync(Channel, null, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Markup_only_capture_says_there_are_no_words_and_stores_nothing()
    {
        var reply = Assert.Single(await Press(QuoteCapture.ActionId, null, form: new() { [QuoteCapture.Text] = "<@U0AAA> :wave:" }));
        Assert.Contains(QuoteStrings.NoWords.En, AllText(reply), StringComparison.Ordinal);
        Assert.Empty(await Store.ListAsync(Channel, null, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Markup_only_quote_is_explained_in_chinese_too()
    {
        var reply = Assert.Single(await Engine.HandleAsync(new Turn(Channel, new TurnUser("li"), "zh", new CommandInput("/gtm quote <https://example.com/notes> :tada:")), CancellationToken.None));
        Assert.Contains(QuoteStrings.NoWords.Zh, AllText(reply), StringComparison.Ordinal);
        Assert.Empty(await Store.ListAsync(Channel, null, 100, CancellationToken.None));
    }

    [Fact]
    public void Card_marks_the_tags_the_tagger_only_suggests()
    {
        var quote = new QuoteRecord(
            7, "the export keeps failing", null, "en", new QuoteOrigin("ana", null, null, null, null, null, QuoteSource.Slash), _clock.GetUtcNow(),
            [QuoteTags.Pain, QuoteTags.FeatureRequest], Motive.Want, [], [QuoteTags.FeatureRequest]);
        var context = new FlowContext(new Turn(Channel, new TurnUser("ana"), "en", new CommandInput("/gtm quote")), Lang.En, _clock);
        var text = AllText(QuoteFlow.Card(context, quote, QuoteStrings.Captured, ReplyPlacement.NewMessage));

        Assert.Contains("? feature request (suggested)", text, StringComparison.Ordinal);
        Assert.Contains("✓ pain", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pain (suggested)", text, StringComparison.Ordinal);
        Assert.Contains(QuoteStrings.SuggestedNote.En, text, StringComparison.Ordinal);

        // Once a person sets the tag it is no longer a suggestion.
        var confirmed = quote with { Corrections = [new QuoteCorrection(QuoteTags.FeatureRequest, QuoteCorrection.On, "ben", null, _clock.GetUtcNow())] };
        var after = AllText(QuoteFlow.Card(context, confirmed, QuoteStrings.Captured, ReplyPlacement.NewMessage));
        Assert.Contains("✓ feature request", after, StringComparison.Ordinal);
        Assert.DoesNotContain("(suggested)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_long_quote_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        var reply = Assert.Single(await Say("/gtm quote " + new string('x', QuoteFlow.MaxQuoteLength + 1)));
        Assert.Contains("4,000", AllText(reply), StringComparison.Ordinal);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Empty(await Store.ListAsync(Channel, null, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Edge_capture_keeps_author_permalink_message_id_and_source_once_per_message()
    {
        var form = new Dictionary<string, string?>
        {
            [QuoteCapture.Text] = "<@U0SALES> Brightline: we'll cancel if the sync breaks again",
            [QuoteCapture.Author] = "U0SALES",
            [QuoteCapture.AuthorName] = "Sam",
            [QuoteCapture.Permalink] = "https://example.slack.com/archives/C1/p1",
            [QuoteCapture.MessageId] = "1700000000.000100",
            [QuoteCapture.Source] = QuoteSource.Reaction,
        };
        await Press(QuoteCapture.ActionId, null, form: form);
        var again = Assert.Single(await Press(QuoteCapture.ActionId, null, user: "bo", form: form));

        var quote = await OnlyQuoteAsync();
        Assert.Equal("Brightline", quote.Customer);
        Assert.Equal("U0SALES", quote.Origin.Author);
        Assert.Equal("Sam", quote.Origin.AuthorName);
        Assert.Equal("https://example.slack.com/archives/C1/p1", quote.Origin.Permalink);
        Assert.Equal("1700000000.000100", quote.Origin.MessageId);
        Assert.Equal(QuoteSource.Reaction, quote.Origin.Source);
        Assert.DoesNotContain("<@", quote.Text, StringComparison.Ordinal);
        Assert.Contains(QuoteTags.ChurnRisk, quote.Tags);
        Assert.Contains("already", AllText(again), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anyone_can_toggle_a_tag_and_the_correction_records_who()
    {
        await Say("/gtm quote Acme: the dashboard is lovely");
        var quote = await OnlyQuoteAsync();
        var hadScenario = quote.HasTag(QuoteTags.Scenario);

        var reply = Assert.Single(await Press(QuoteActions.Tag, $"{quote.Id}|{QuoteTags.Scenario}", user: "bo"));
        Assert.Equal(ReplyPlacement.ReplaceOriginal, reply.Placement);

        var corrected = await OnlyQuoteAsync();
        Assert.Equal(!hadScenario, corrected.HasTag(QuoteTags.Scenario));
        var correction = Assert.Single(corrected.Corrections);
        Assert.Equal("bo", correction.By);
        Assert.Equal(_clock.GetUtcNow(), correction.At);
    }

    [Fact]
    public async Task Corrections_survive_re_tagging()
    {
        await Say("/gtm quote Acme: the export keeps failing");
        var quote = await OnlyQuoteAsync();
        await Press(QuoteActions.Tag, $"{quote.Id}|{QuoteTags.Pain}", user: "bo");          // pain off
        await Press(QuoteActions.Motive, $"{quote.Id}|want", user: "cy");                  // motive want

        // Automation re-tags with a reading that disagrees with both corrections.
        var retagged = await Store.UpdateAutoTagsAsync(Channel, quote.Id, [QuoteTags.Pain, QuoteTags.FeatureRequest], Motive.Need, CancellationToken.None);

        Assert.NotNull(retagged);
        Assert.False(retagged.HasTag(QuoteTags.Pain));
        Assert.True(retagged.HasTag(QuoteTags.FeatureRequest));
        Assert.Equal(Motive.Want, retagged.Motive);
        Assert.Equal(["bo", "cy"], retagged.Corrections.Select(c => c.By));
    }

    [Fact]
    public async Task Bad_toggle_values_get_a_notice_not_an_error()
    {
        var reply = Assert.Single(await Press(QuoteActions.Tag, "nonsense"));
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        var missing = Assert.Single(await Press(QuoteActions.Motive, "999|need"));
        Assert.Equal(ReplyVisibility.Ephemeral, missing.Visibility);
    }

    [Fact]
    public async Task Quotes_search_finds_chinese_keywords_and_filters_by_customer()
    {
        await Say("/gtm quote 客户A：日历同步经常丢会议");
        await Say("/gtm quote 客户B：导出报表太慢");
        await Say("/gtm quote 客户B：日历同步不稳定");

        var all = AllText(Assert.Single(await Say("/gtm quotes 同步")));
        Assert.Contains("日历同步经常丢会议", all, StringComparison.Ordinal);
        Assert.Contains("日历同步不稳定", all, StringComparison.Ordinal);
        Assert.DoesNotContain("导出报表", all, StringComparison.Ordinal);

        var byCustomer = AllText(Assert.Single(await Say("/gtm quotes 客户B 同步")));
        Assert.Contains("日历同步不稳定", byCustomer, StringComparison.Ordinal);
        Assert.DoesNotContain("丢会议", byCustomer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_count_one_customer_repeating_a_theme_once()
    {
        await Say("/gtm quote Acme: we need offline mode for the drivers");
        await Say("/gtm quote Acme: offline mode again, please");
        await Say("/gtm quote Acme: offline mode is still missing");
        await Say("/gtm quote Globex: offline mode would help our techs");

        var reply = Assert.Single(await Say("/gtm insights"));
        var text = AllText(reply);
        Assert.Contains("offline", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(" — 2 customers, 4 mentions · individual", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threshold_is_a_channel_setting_and_marks_themes_common()
    {
        await Say("/gtm quote Acme: offline mode please");
        await Say("/gtm quote Globex: offline mode please");
        await Say("/gtm insights threshold 2");

        var text = AllText(Assert.Single(await Say("/gtm insights")));
        Assert.Contains("· common", text, StringComparison.Ordinal);
        Assert.Equal("2", await _services.GetRequiredService<ISettingsStore>().GetChannelSettingAsync(Channel, QuoteFlow.ThresholdSetting, CancellationToken.None));

        var bad = Assert.Single(await Say("/gtm insights threshold zero"));
        Assert.Equal(ReplyVisibility.Ephemeral, bad.Visibility);
    }

    [Fact]
    public async Task Must_without_a_common_need_is_warned()
    {
        await Say("/gtm quote Acme: a dark theme would be nice");
        await Say("/gtm quote Acme: dark theme, nicer at night");
        var insights = Assert.Single(await Say("/gtm insights"));
        // One overflow per theme: the four priorities and "make it a need", chosen as the buttons were pressed.
        var menu = insights.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Menus).First();
        Assert.Equal(MenuStyle.Overflow, menu.Style);
        Assert.Equal(5, menu.Options.Count);
        Assert.DoesNotContain(insights.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == QuoteActions.Moscow);
        var must = menu.Options.First(b => b.ActionId == QuoteActions.Moscow && b.Value!.StartsWith("must|", StringComparison.Ordinal));

        var reply = Assert.Single(await Press(QuoteActions.Moscow, must.Value, user: "pm"));
        Assert.Equal(ReplyPlacement.ReplaceOriginal, reply.Placement);
        Assert.Contains("⚠", AllText(reply), StringComparison.Ordinal);
        var priority = Assert.Single(await Store.GetThemePrioritiesAsync(Channel, CancellationToken.None));
        Assert.Equal(Moscow.Must, priority.Priority);
        Assert.Equal("pm", priority.SetBy);
    }

    [Fact]
    public async Task Digest_lists_new_quotes_since_the_last_digest()
    {
        var digest = _services.GetServices<IDigestContributor>().OfType<QuoteDigest>().Single();
        var since = _clock.GetUtcNow();
        Assert.Null(await digest.ContributeAsync(Channel, GtmBot.Engine.Strings.Lang.En, since, since, CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(1));
        await Say("/gtm quote Acme: offline mode please");
        await Say("/gtm quote Globex: offline mode please");
        var section = await digest.ContributeAsync(Channel, GtmBot.Engine.Strings.Lang.En, since, _clock.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(section);
        Assert.Equal(30, digest.Order);
        Assert.Contains(section.Lines, l => l.Contains("2 new quotes", StringComparison.Ordinal));
        Assert.Contains(section.Lines, l => l.Contains("offline", StringComparison.Ordinal));
    }
}

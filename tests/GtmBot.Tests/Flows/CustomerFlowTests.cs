using System.Collections.Concurrent;
using GtmBot.Engine;
using GtmBot.Engine.Charts;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace GtmBot.Tests.Flows;

/// <summary>
/// Customer profiles, per-segment insights and the insights chart through the real engine, flows and SQLite store, in
/// English and Chinese.
/// </summary>
public sealed class CustomerFlowTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "product");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-customers-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingOutbox _outbox = new();
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddSingleton<IOutbox>(_outbox);
        services.AddFlow<QuoteFlow>();
        services.AddFlow<CustomerFlow>();
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

    private Task<IReadOnlyList<Reply>> Say(string text, string lang = "en", string user = "ana") =>
        _services.GetRequiredService<ConversationEngine>().HandleAsync(new Turn(Channel, new TurnUser(user), lang, new CommandInput(text)), CancellationToken.None);

    private Task<IReadOnlyList<Reply>> Act(ActionInput action, string lang = "en") =>
        _services.GetRequiredService<ConversationEngine>().HandleAsync(new Turn(Channel, new TurnUser("ana"), lang, action), CancellationToken.None);

    private static string Plain(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => Markup.ToPlainText(t.Markup),
        ContextBlock c => Markup.ToPlainText(c.Markup),
        FieldsBlock f => string.Join('\n', f.Fields.Select(x => x.Label + ": " + Markup.ToPlainText(x.Value))),
        FormBlock f => f.Error is null ? f.Title : f.Title + "\n" + Markup.ToPlainText(f.Error),
        _ => string.Empty,
    }));

    private static string AllText(IReadOnlyList<Reply> replies) => string.Join("\n---\n", replies.Select(Plain));

    private Task<CustomerProfile?> Profile(string name) => _services.GetRequiredService<ICustomerStore>().GetAsync(Channel.WorkspaceKey, name, CancellationToken.None);

    [Fact]
    public async Task A_profile_is_set_in_one_command_and_shown_with_its_quotes_and_themes()
    {
        await Say("/gtm quote Acme: We lost a week of work because there is no automatic backup. We need nightly backups.");
        await Say("/gtm quote Acme: Our auditors want backups kept for 30 days.");

        var saved = AllText(await Say("/gtm customer Acme segment enterprise industry manufacturing arr 120000 renewal 2027-03-31"));
        Assert.Contains("Customer: Acme", saved, StringComparison.Ordinal);
        Assert.Contains("Profile of Acme saved.", saved, StringComparison.Ordinal);

        var profile = await Profile("  ACME ");
        Assert.NotNull(profile);
        Assert.Equal(("enterprise", "manufacturing", 120000m, new DateOnly(2027, 3, 31), "ana"), (profile.Segment, profile.Industry, profile.Arr, profile.Renewal, profile.UpdatedBy));

        var shown = AllText(await Say("/gtm customer acme"));
        Assert.Contains("Segment: enterprise", shown, StringComparison.Ordinal);
        Assert.Contains("ARR: 120,000", shown, StringComparison.Ordinal);
        Assert.Contains("Renewal: 2027-03-31", shown, StringComparison.Ordinal);
        Assert.Matches(@"2 quotes in this channel · [1-9]\d* distinct themes", shown);
    }

    [Fact]
    public async Task Chinese_keys_set_the_profile_and_the_reply_is_in_chinese()
    {
        var saved = AllText(await Say("/gtm 客户 海川科技 细分 中小企业 行业 制造业 年收入 50,000 续约 2027-03-31", "zh"));

        Assert.Contains("客户：海川科技", saved, StringComparison.Ordinal);
        Assert.Contains("已保存 海川科技 的客户档案。", saved, StringComparison.Ordinal);
        Assert.Contains("细分: 中小企业", saved, StringComparison.Ordinal);
        Assert.Contains("年收入（ARR）: 50,000", saved, StringComparison.Ordinal);
        Assert.Equal(50000m, (await Profile("海川科技"))!.Arr);
    }

    [Fact]
    public async Task A_subset_of_fields_keeps_the_others_and_a_dash_clears_one()
    {
        await Say("/gtm customer Umbrella Health segment enterprise industry healthcare arr 90000");
        await Say("/gtm customer Umbrella Health renewal 2027-01-15 industry -");

        var profile = await Profile("umbrella health");
        Assert.NotNull(profile);
        Assert.Equal("Umbrella Health", profile.Name);
        Assert.Equal(("enterprise", (string?)null, 90000m, new DateOnly(2027, 1, 15)), (profile.Segment, profile.Industry, profile.Arr, profile.Renewal));
    }

    [Theory]
    [InlineData("en", "/gtm customer Acme arr -5", "ARR cannot be negative: -5.")]
    [InlineData("zh", "/gtm 客户 Acme 年收入 -5", "年收入不能为负数：-5。")]
    [InlineData("en", "/gtm customer Acme arr lots", "ARR must be a number")]
    [InlineData("en", "/gtm customer Acme arr 2000000000000", "is over the limit of 1,000,000,000,000")]
    [InlineData("en", "/gtm customer Acme renewal 2027-13-45", "“2027-13-45” is not a date")]
    [InlineData("zh", "/gtm 客户 Acme 续约 明年某天", "“明年某天”不是日期")]
    [InlineData("en", "/gtm customer Acme segment enterprise region emea", "Unknown field region. The fields are: segment/细分")]
    [InlineData("zh", "/gtm 客户 Acme 细分 企业 地区 华东", "未知字段 地区")]
    [InlineData("en", "/gtm customer Acme segment", "The field segment needs a value")]
    [InlineData("en", "/gtm customer segment enterprise", "Name the customer")]
    public async Task Bad_input_gets_a_clear_message_in_the_users_language_and_nothing_is_saved(string lang, string command, string expected)
    {
        var reply = Assert.Single(await Say(command, lang));

        Assert.Contains(expected, Plain(reply), StringComparison.Ordinal);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Null(await Profile("Acme"));
    }

    [Theory]
    [InlineData("en", "The Segment")]
    [InlineData("zh", "细分")]
    public async Task A_segment_over_the_limit_is_refused_naming_the_limit(string lang, string expectedWord)
    {
        var label = new string('x', CustomerFlow.MaxLabelLength + 1);
        var text = Plain(Assert.Single(await Say($"/gtm customer Acme segment {label}", lang)));

        Assert.Contains(expectedWord.Replace("The ", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains((CustomerFlow.MaxLabelLength + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(CustomerFlow.MaxLabelLength.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Null(await Profile("Acme"));
    }

    [Fact]
    public async Task The_form_opens_empty_and_a_bad_submit_keeps_what_was_typed()
    {
        var form = Assert.IsType<FormBlock>(Assert.Single(Assert.Single(await Say("/gtm customer")).Blocks));
        Assert.Equal(CustomerActions.Submit, form.SubmitActionId);
        Assert.Equal([CustomerActions.Name, CustomerActions.Segment, CustomerActions.Industry, CustomerActions.Arr, CustomerActions.Renewal], form.Inputs.Select(i => i.Id));

        var typed = new Dictionary<string, string?>
        {
            [CustomerActions.Name] = "Globex",
            [CustomerActions.Segment] = "Enterprise",
            [CustomerActions.Industry] = "energy",
            [CustomerActions.Arr] = "-100",
            [CustomerActions.Renewal] = "2027-06-30",
        };
        var refused = Assert.Single(await Act(new ActionInput(CustomerActions.Submit, null, typed), "zh")).Form;
        Assert.NotNull(refused);
        Assert.Equal("年收入不能为负数：-100。", refused.Error);
        Assert.Equal(typed.Values, refused.Inputs.Select(i => i.Initial));
        Assert.Null(await Profile("Globex"));

        typed[CustomerActions.Arr] = "80000";
        var saved = AllText(await Act(new ActionInput(CustomerActions.Submit, null, typed)));
        Assert.Contains("Profile of Globex saved.", saved, StringComparison.Ordinal);
        Assert.Equal(80000m, (await Profile("globex"))!.Arr);
    }

    [Fact]
    public async Task The_edit_button_opens_the_form_with_the_profile()
    {
        await Say("/gtm customer Initech segment smb arr 12000");
        var form = Assert.Single(await Act(new ActionInput(CustomerActions.Edit, "Initech"))).Form;

        Assert.NotNull(form);
        Assert.Equal(["Initech", "smb", null, "12000", null], form.Inputs.Select(i => i.Initial));
    }

    [Fact]
    public async Task Customers_are_listed_with_segments_counted_case_insensitively()
    {
        await Say("/gtm customer Acme segment Enterprise");
        await Say("/gtm customer Globex segment enterprise");
        await Say("/gtm customer Initech segment SMB");
        await Say("/gtm customer Soylent industry food");

        var all = AllText(await Say("/gtm customers"));
        Assert.Contains("Customers (4)", all, StringComparison.Ordinal);
        Assert.Contains("Segments: Enterprise 2 · SMB 1", all, StringComparison.Ordinal);
        Assert.Contains("Soylent · no segment · food", all, StringComparison.Ordinal);

        var enterprise = AllText(await Say("/gtm customers ENTERPRISE"));
        Assert.Contains("Customers in Enterprise (2)", enterprise, StringComparison.Ordinal);
        Assert.DoesNotContain("Initech", enterprise, StringComparison.Ordinal);

        var zh = AllText(await Say("/gtm 客户列表 中型", "zh"));
        Assert.Contains("细分 中型 下没有客户", zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// The worked example. Backup quotes: Acme (twice, the same words), Globex, Umbrella Health, 海川科技 (twice, different
    /// words), 北辰物流, and one without a customer. Profiles: Acme and Globex are "enterprise"/"Enterprise", Initech is
    /// enterprise too but never mentioned backup; 海川科技, Soylent and 星河教育 are SMB; Umbrella Health and 北辰物流 have none.
    /// So backup is common among enterprise (2 of 3: at least 2 and at least half), rare among SMB (1 of 3), and no segment
    /// counts Umbrella Health and 北辰物流 out of the channel's quoted customers without a segment (those two and Oscorp).
    /// </summary>
    [Fact]
    public async Task Insights_count_distinct_customers_per_segment()
    {
        await SeedWorkedExampleAsync();

        var text = AllText(await Say("/gtm insights"));
        Assert.Contains("common among Enterprise: 2 of 3; rare among SMB: 1 of 3; common among no segment: 2 of 3", text, StringComparison.Ordinal);

        var zh = AllText(await Say("/gtm insights", "zh"));
        Assert.True(zh.Contains("在 Enterprise 中常见：3 位中的 2 位；在 SMB 中少见：3 位中的 1 位", StringComparison.Ordinal), zh);
    }

    [Fact]
    public async Task Insights_for_one_segment_count_only_its_customers()
    {
        await SeedWorkedExampleAsync();

        var reply = Assert.Single(await Say("/gtm insights enterprise"));
        var text = Plain(reply);
        Assert.Equal("Quote insights — 2 quotes from 2 customers", Assert.IsType<HeaderBlock>(reply.Blocks[0]).Text);
        Assert.Contains("Segment Enterprise: 3 customers with a profile", text, StringComparison.Ordinal);
        Assert.Contains("common among Enterprise: 2 of 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SMB", text, StringComparison.Ordinal);

        Assert.Contains("No customer has the segment mid-market. Segments: Enterprise, SMB.", Plain(Assert.Single(await Say("/gtm insights mid-market"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_is_a_png_stored_and_queued_for_the_channel()
    {
        await SeedWorkedExampleAsync();

        var notice = Plain(Assert.Single(await Say("/gtm insights chart", "zh")));
        Assert.Matches(@"\d+ 个主题的图表正在发送。", notice);

        var queued = Assert.Single(_outbox.Messages);
        Assert.Equal(OutboxRoutes.ForExport(Channel), queued.Conversation);
        var file = await _services.GetRequiredService<IExportStore>().GetFileAsync(Channel.WorkspaceKey, long.Parse(queued.Reply.Text, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.NotNull(file);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal("各主题的不同客户数（按细分）", file.Title);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], file.Content.Take(8));
        using var bitmap = SKBitmap.Decode(file.Content);
        Assert.NotNull(bitmap);
        Assert.Equal(ChartPainter.Width, bitmap.Width);
        Assert.True(bitmap.Height > ChartPainter.FrameHeight, $"height {bitmap.Height}");
        Assert.Equal(0, (bitmap.Height - ChartPainter.FrameHeight) % ChartPainter.RowHeight);
    }

    [Fact]
    public async Task The_chart_of_one_segment_counts_only_its_customers()
    {
        await SeedWorkedExampleAsync();

        await Say("/gtm insights chart");
        var whole = await ChartFileAsync(Assert.Single(_outbox.Messages));
        var notice = Plain(Assert.Single(await Say("/gtm insights chart ENTERPRISE")));
        Assert.Matches(@"The chart of 1 themes is on its way\.", notice);

        var file = await ChartFileAsync(_outbox.Messages.Last());
        Assert.Equal("Distinct customers per theme in Enterprise", file.Title);
        using var bitmap = SKBitmap.Decode(file.Content);
        using var all = SKBitmap.Decode(whole.Content);
        Assert.Equal(ChartPainter.HeightFor(1), bitmap.Height);
        Assert.True(all.Height > bitmap.Height, $"whole {all.Height}, enterprise {bitmap.Height}");

        var spec = InsightsChart.Build(
            GtmBot.Engine.Tagging.QuoteInsights.Compute(await QuotesOfAsync("enterprise"), QuoteFlow.DefaultCommonThreshold, QuoteFlow.MaxThemesShown),
            await SegmentsAsync(),
            GtmBot.Engine.Strings.Lang.Zh,
            (await SegmentsAsync()).Find("enterprise"));
        Assert.NotNull(spec);
        Assert.Equal("Enterprise 中各主题的不同客户数", spec.Title);
        Assert.Equal(2d, Assert.Single(Assert.Single(spec.Series).Values));

        Assert.Contains("No customer has the segment mid-market", Plain(Assert.Single(await Say("/gtm insights chart mid-market"))), StringComparison.Ordinal);
        Assert.Equal(2, _outbox.Messages.Count);
    }

    private async Task<ExportFile> ChartFileAsync(OutboundMessage queued) =>
        (await _services.GetRequiredService<IExportStore>().GetFileAsync(Channel.WorkspaceKey, long.Parse(queued.Reply.Text, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))!;

    private async Task<GtmBot.Engine.Customers.CustomerSegments> SegmentsAsync() => GtmBot.Engine.Customers.CustomerSegments.From(
        await _services.GetRequiredService<ICustomerStore>().ListAsync(Channel.WorkspaceKey, CancellationToken.None),
        await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, QuoteFlow.MaxScanned, CancellationToken.None));

    private async Task<IReadOnlyList<QuoteRecord>> QuotesOfAsync(string segment)
    {
        var segments = await SegmentsAsync();
        return segments.QuotesIn(segments.Find(segment)!, await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, QuoteFlow.MaxScanned, CancellationToken.None));
    }

    [Fact]
    public async Task No_chart_without_a_theme_that_has_customers()
    {
        await Say("/gtm quote We need nightly backups.");
        Assert.Contains("No themes with customers yet", Plain(Assert.Single(await Say("/gtm insights chart"))), StringComparison.Ordinal);
        Assert.Empty(_outbox.Messages);
    }

    private async Task SeedWorkedExampleAsync()
    {
        string[] quotes =
        [
            "Acme: We lost a week of work because there is no automatic backup. We need nightly backups.",
            "Acme: We lost a week of work because there is no automatic backup. We need nightly backups.",
            "Globex: Our IT team needs a way to back up the workspace before every release.",
            "Umbrella Health: Backups must be kept for 30 days for our auditors.",
            "海川科技：没有自动备份，误删了一个项目根本找不回来。",
            "海川科技：备份能不能每天自动做一次？",
            "北辰物流：数据备份要能导到我们自己的服务器上。",
            "We need automatic backups every night.",
            "Oscorp: The login page times out, otherwise we'd use it daily.",
            "Soylent: Single sign-on with Okta is required by our security team.",
        ];
        foreach (var quote in quotes)
        {
            _clock.Advance(TimeSpan.FromMinutes(7));
            await Say("/gtm quote " + quote);
        }

        await Say("/gtm customer Acme segment Enterprise");
        await Say("/gtm customer Globex segment enterprise");
        await Say("/gtm customer Initech segment ENTERPRISE");
        await Say("/gtm customer 海川科技 segment smb");
        await Say("/gtm customer Soylent segment SMB");
        await Say("/gtm customer 星河教育 segment Smb");
        await Say("/gtm customer Umbrella Health industry healthcare");
    }

    private sealed class RecordingOutbox : IOutbox
    {
        public ConcurrentQueue<OutboundMessage> Messages { get; } = new();

        public Task EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            Messages.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}

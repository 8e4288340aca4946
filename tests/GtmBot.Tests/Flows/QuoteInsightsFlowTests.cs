using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Themes;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Flows;

/// <summary>
/// <c>/gtm insights</c> as a product team uses it over a week: 27 quotes from 8 customers in English and Chinese, some
/// without a customer, some saved twice — through the real engine, flow and SQLite store.
/// </summary>
public sealed partial class QuoteInsightsFlowTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "product");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-insights-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    /// <summary>The week's quotes: backup/备份 from 5 customers, API from 4 plus 3 without a customer, fillers, negated prices, two double saves.</summary>
    private static readonly string[] Week =
    [
        "Acme: We lost a week of work because there is no automatic backup. We need nightly backups.",
        "Acme: We lost a week of work because there is no automatic backup. We need nightly backups.",
        "Globex: Our IT team needs a way to back up the workspace before every release. Otherwise we can't get sign-off.",
        "Umbrella Health: Backups must be kept for 30 days for our auditors.",
        "海川科技：没有自动备份，误删了一个项目根本找不回来。",
        "海川科技：备份能不能每天自动做一次？",
        "北辰物流：数据备份要能导到我们自己的服务器上。",
        "Initech: The API rate limit is too low for our nightly sync jobs.",
        "Soylent: We need an API to pull deals into our warehouse.",
        "星河教育：开放 API 的时候文档太少，对接很费劲。",
        "Globex: Is your API documented somewhere? Our devs want to build on it.",
        "The API should support webhooks.",
        "API access is a must for us.",
        "Another API request from the webinar.",
        "Initech: The API rate limit is too low for our nightly sync jobs.",
        "Soylent: Otherwise the reports look fine, but exporting them to Excel takes forever.",
        "星河教育：导入学生名单的时候根本不认识 Excel 的日期格式。",
        "北辰物流：司机在路上的时候根本打不开 App。",
        "Umbrella Health: Otherwise great, the mobile app is slick.",
        "Acme: Dark mode would be nice.",
        "海川科技：预算今年已经定了，报价要在预算内。",
        "Initech: Price is fine, not a problem.",
        "北辰物流：价格还行。",
        "Soylent: The login page times out, otherwise we'd use it daily.",
        "星河教育：登录的时候总是要输验证码，很烦。",
        "Globex: Single sign-on with Okta is required by our security team.",
        "Umbrella Health: Our nurses need SSO, typing passwords at shared stations is a pain.",
    ];

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<QuoteFlow>();
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        foreach (var quote in Week)
        {
            _clock.Advance(TimeSpan.FromMinutes(7));
            await Say("/gtm quote " + quote);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<IReadOnlyList<Reply>> Say(string text, string lang = "en") =>
        _services.GetRequiredService<ConversationEngine>().HandleAsync(new Turn(Channel, new TurnUser("ana"), lang, new CommandInput(text)), CancellationToken.None);

    /// <summary>Each theme of the insights card: its label, counts and common/individual, with the context line under it.</summary>
    private async Task<List<(string Label, int Customers, int Mentions, string Kind, string Behind)>> ThemesAsync(string lang = "en")
    {
        var reply = Assert.Single(await Say("/gtm insights", lang));
        var blocks = reply.Blocks.ToList();
        var themes = new List<(string, int, int, string, string)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is TextBlock text && ThemeLine().Match(Markup.ToPlainText(text.Markup)) is { Success: true } m)
            {
                var behind = blocks[i + 1] is ContextBlock c ? Markup.ToPlainText(c.Markup) : string.Empty;
                themes.Add((m.Groups["label"].Value, int.Parse(m.Groups["c"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["kind"].Value, behind));
            }
        }

        return themes;
    }

    [Fact]
    public async Task The_week_is_27_saves_from_8_customers_the_two_repeated_saves_stored_once_and_unattributed_apart()
    {
        // 27 saves, two of them the same words from the same customer again: those two store nothing new.
        Assert.Equal(25, (await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, 100, CancellationToken.None)).Count);
        var reply = Assert.Single(await Say("/gtm insights"));
        var header = Assert.IsType<HeaderBlock>(reply.Blocks[0]);

        Assert.Equal("Quote insights — 25 quotes from 8 customers", header.Text);
        Assert.Contains(reply.Blocks.OfType<ContextBlock>(), c => c.Markup.StartsWith("3 quotes have no customer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backup_and_备份_are_one_common_theme_of_five_customers()
    {
        var backup = Assert.Single(await ThemesAsync(), t => t.Label.Contains("backup", StringComparison.OrdinalIgnoreCase) || t.Label.Contains("备份", StringComparison.Ordinal));

        Assert.Equal(5, backup.Customers);
        Assert.Equal(6, backup.Mentions); // Acme's double save counts once; 海川科技 raising it twice counts as two mentions, one customer.
        Assert.Equal("common", backup.Kind);
        foreach (var customer in (string[])["Acme", "Globex", "Umbrella Health", "海川科技", "北辰物流"])
        {
            Assert.Contains(customer, backup.Behind, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Quotes_without_a_customer_are_never_counted_as_customers()
    {
        var api = Assert.Single(await ThemesAsync(), t => t.Label.Contains("API", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(4, api.Customers);
        Assert.Equal(7, api.Mentions); // 4 customers' quotes + 3 unattributed; Initech's double save once.
        Assert.Contains("+ 3 unattributed", api.Behind, StringComparison.Ordinal);
        Assert.DoesNotContain("Initech, Initech", api.Behind, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_theme_is_a_stop_word_or_a_negated_mention()
    {
        var themes = await ThemesAsync();

        Assert.NotEmpty(themes);
        Assert.All(themes, t => Assert.DoesNotContain(t.Label.Split(" / "), StopWords.IsStopWord));
        Assert.DoesNotContain(themes, t => t.Label.Contains("otherwise", StringComparison.OrdinalIgnoreCase) || t.Label.Contains("时候", StringComparison.Ordinal) || t.Label.Contains("根本", StringComparison.Ordinal));
        Assert.DoesNotContain(themes, t => t.Behind.Contains("价格还行", StringComparison.Ordinal) || t.Behind.Contains("Price is fine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_card_reads_in_chinese_too()
    {
        var reply = Assert.Single(await Say("/gtm 洞察", "zh"));
        var text = string.Join('\n', reply.Blocks.Select(b => b switch
        {
            HeaderBlock h => h.Text,
            TextBlock t => Markup.ToPlainText(t.Markup),
            ContextBlock c => Markup.ToPlainText(c.Markup),
            _ => string.Empty,
        }));

        Assert.Contains("原话洞察 —— 8 位客户的 25 条原话", text, StringComparison.Ordinal);
        Assert.Contains("5 位客户", text, StringComparison.Ordinal);
        Assert.Contains("另有 3 条未标注客户", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<label>.+?) — (?<c>\d+) customers, (?<m>\d+) mentions · (?<kind>common|individual)")]
    private static partial Regex ThemeLine();
}

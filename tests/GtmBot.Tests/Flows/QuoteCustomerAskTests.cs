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
using static GtmBot.Tests.Flows.FlowTestKit;

namespace GtmBot.Tests.Flows;

/// <summary>A quote typed without "Customer:" asks whether its first words are the customer; nothing is saved until answered.</summary>
public sealed class QuoteCustomerAskTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-ask-").FullName;
    private ServiceProvider _services = null!;

    private IQuoteStore Quotes => _services.GetRequiredService<IQuoteStore>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<QuoteFlow>();
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

    private async Task<IReadOnlyList<Reply>> Run(TurnInput input, Lang lang = Lang.En) =>
        (await _services.GetRequiredService<ConversationEngine>().RunAsync(new Turn(Channel, new TurnUser("ana", "ana"), lang == Lang.Zh ? "zh-CN" : "en-US", input), CancellationToken.None)).Replies;

    private Task<IReadOnlyList<Reply>> Press(Button button, Lang lang = Lang.En) => Run(new ActionInput(button.ActionId, button.Value, new Dictionary<string, string?>()), lang);

    [Theory]
    [InlineData("Acme Bank the export keeps failing every Monday", "Acme Bank", "the export keeps failing every Monday")]
    [InlineData("Acme we need SSO before the pilot", "Acme", "we need SSO before the pilot")]
    [InlineData("Acme Bank - the sync duplicates contacts", "Acme Bank", "the sync duplicates contacts")]
    [InlineData("Acme Bank, the sync duplicates contacts", "Acme Bank", "the sync duplicates contacts")]
    [InlineData("海川科技 导出太慢了，每周都要手工处理", "海川科技", "导出太慢了，每周都要手工处理")]
    [InlineData("The export keeps failing every Monday", null, null)]
    [InlineData("Export keeps failing every Monday", null, null)]
    [InlineData("We need SSO before the pilot", null, null)]
    [InlineData("Acme: the export keeps failing", null, null)]
    [InlineData("Acme said the export keeps failing", null, null)]
    [InlineData("同步总是重复联系人", null, null)]
    [InlineData("Honestly the export is slow", null, null)]
    public void A_leading_name_without_a_separator_is_found(string text, string? name, string? body)
    {
        var lead = CustomerExtractor.LeadingName(text);
        Assert.Equal(name, lead?.Name);
        Assert.Equal(body, lead is { } l ? text[l.BodyStart..] : null);
    }

    [Theory]
    [InlineData(Lang.En, "Is **Acme Bank** the customer?", "Yes, Acme Bank is the customer", "No, save without a customer")]
    [InlineData(Lang.Zh, "**Acme Bank** 是客户吗？", "是，客户是 Acme Bank", "不是，不填客户直接保存")]
    public async Task A_quote_starting_with_a_name_asks_and_saves_what_the_answer_says(Lang lang, string question, string yes, string no)
    {
        var ask = Assert.Single(await Run(new CommandInput("quote Acme Bank the export keeps failing every Monday"), lang));
        Assert.Equal(ReplyVisibility.Ephemeral, ask.Visibility);
        Assert.Contains(question, string.Join('\n', ask.Blocks.OfType<TextBlock>().Select(b => b.Markup)), StringComparison.Ordinal);
        Assert.Equal([yes, no], Buttons(ask).Take(2).Select(b => b.Label));
        Assert.Empty(await Quotes.ListAsync(Channel, null, 10, CancellationToken.None));

        await Press(Buttons(ask).Single(b => b.Label == yes), lang);
        var saved = Assert.Single(await Quotes.ListAsync(Channel, null, 10, CancellationToken.None));
        Assert.Equal(("Acme Bank", "the export keeps failing every Monday"), (saved.Customer, saved.Text));

        // Pressed twice: still one quote.
        await Press(Buttons(ask).Single(b => b.Label == yes), lang);
        Assert.Single(await Quotes.ListAsync(Channel, null, 10, CancellationToken.None));

        var other = Assert.Single(await Run(new CommandInput("quote Initech we lose a day a week merging spreadsheets"), lang));
        await Press(Buttons(other).Single(b => b.Label == no), lang);
        var unattributed = (await Quotes.ListAsync(Channel, null, 10, CancellationToken.None)).Single(q => q.Id != saved.Id);
        Assert.Null(unattributed.Customer);
        Assert.Equal("Initech we lose a day a week merging spreadsheets", unattributed.Text);
    }

    [Fact]
    public async Task Edit_opens_the_capture_form_with_the_pending_quote()
    {
        var ask = Assert.Single(await Run(new CommandInput("quote Acme Bank the export keeps failing every Monday")));
        var form = Assert.Single(await Press(Buttons(ask).Single(b => b.ActionId == QuoteActions.EditPending))).Form!;
        Assert.Equal("Acme Bank", form.Inputs.Single(i => i.Id == QuoteCapture.Customer).Initial);
        Assert.Equal("the export keeps failing every Monday", form.Inputs.Single(i => i.Id == QuoteCapture.Text).Initial);
    }

    [Theory]
    [InlineData("quote Acme said the export keeps failing", "quotes", "Acme — the export keeps failing")]
    [InlineData("quote Acme: the export keeps failing", "quotes", "Acme — the export keeps failing")]
    public async Task Lists_name_the_customer_once(string capture, string list, string line)
    {
        await Run(new CommandInput(capture));
        var text = AllText(Assert.Single(await Run(new CommandInput(list))));
        Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme said", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Insights_and_exports_show_the_quote_without_its_attribution()
    {
        var dto = GtmBot.Engine.DataOut.QuoteDto.From("C1", new QuoteRecord(
            1, "Acme said the export keeps failing", "Acme", "en", new QuoteOrigin("ana", null, null, null, null, null, "slash"), DateTimeOffset.UnixEpoch, [], Motive.Unclear, []));
        Assert.Equal("the export keeps failing", dto.Body);
        Assert.Equal("Acme said the export keeps failing", dto.Text);
    }
}

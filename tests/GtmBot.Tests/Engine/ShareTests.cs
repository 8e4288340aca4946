using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Engine;

/// <summary>Lists, histories and insights go to the asker only, with a "Share to channel" button.</summary>
public sealed class ShareTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-share-").FullName;
    private ServiceProvider _services = null!;

    private ConversationEngine Engine => _services.GetRequiredService<ConversationEngine>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<CanvasFlow>().AddFlow<FiveWhysFlow>().AddFlow<QuoteFlow>()
            .AddFlow<NeedFlow>().AddFlow<CustomerFlow>().AddFlow<OkrFlow>().AddFlow<ChecklistFlow>();
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

    private async Task<IReadOnlyList<Reply>> Run(string user, TurnInput input, Lang lang = Lang.En) =>
        (await Engine.RunAsync(new Turn(Channel, new TurnUser(user, user), lang == Lang.Zh ? "zh-CN" : "en-US", input), CancellationToken.None)).Replies;

    [Theory]
    [InlineData("why list", Lang.En, "Share to channel", "Shared by")]
    [InlineData("canvas list", Lang.Zh, "分享到频道", "由")]
    [InlineData("insights", Lang.En, "Share to channel", "Shared by")]
    [InlineData("needs", Lang.En, "Share to channel", "Shared by")]
    [InlineData("需求列表", Lang.Zh, "分享到频道", "由")]
    [InlineData("customers", Lang.En, "Share to channel", "Shared by")]
    [InlineData("okr", Lang.En, "Share to channel", "Shared by")]
    [InlineData("why 列表", Lang.Zh, "分享到频道", "由")]
    [InlineData("quotes acme", Lang.En, "Share to channel", "Shared by")]
    [InlineData("quotes", Lang.En, "Share to channel", "Shared by")]
    [InlineData("checklist details", Lang.En, "Share to channel", "Shared by")]
    [InlineData("checklist history", Lang.En, "Share to channel", "Shared by")]
    public async Task A_lookup_is_seen_by_its_asker_until_shared(string command, Lang lang, string shareLabel, string sharedBy)
    {
        await Run("ana", new CommandInput("why churn in month two"), lang);
        await Run("ana", new CommandInput("canvas acme"), lang);

        var asked = Assert.Single(await Run("ana", new CommandInput(command), lang));
        Assert.Equal(ReplyVisibility.Ephemeral, asked.Visibility);
        var share = asked.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).Single(b => b.ActionId == ConversationEngine.ShareAction);
        Assert.Equal(shareLabel, share.Label);

        var shared = Assert.Single(await Run("ana", new ActionInput(share.ActionId, share.Value, new Dictionary<string, string?>()), lang));
        Assert.Equal(ReplyVisibility.Channel, shared.Visibility);
        Assert.Equal(ReplyPlacement.NewMessage, shared.Placement);
        Assert.DoesNotContain(shared.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == ConversationEngine.ShareAction);
        Assert.Contains(sharedBy, shared.Blocks.OfType<ContextBlock>().Last().Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_a_quote_search_never_captures_a_quote()
    {
        var asked = Assert.Single(await Run("ana", new CommandInput("quotes acme")));
        var share = asked.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).Single(b => b.ActionId == ConversationEngine.ShareAction);
        await Run("bo", new ActionInput(share.ActionId, share.Value, new Dictionary<string, string?>()));
        Assert.Empty(await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_command_that_changes_things_is_not_made_private()
    {
        var replies = await Run("ana", new CommandInput("why churn in month two"));
        Assert.All(replies, r => Assert.DoesNotContain(r.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == ConversationEngine.ShareAction));
        Assert.Contains(replies, r => r.Visibility == ReplyVisibility.Channel);
    }

    [Theory]
    [InlineData("Acme Bank: the sync duplicates contacts", "Acme Bank", "the sync duplicates contacts")]
    [InlineData("Acme Bank：同步会重复联系人", "Acme Bank", "同步会重复联系人")]
    [InlineData("acme bank - exports by hand", "Acme Bank", "exports by hand")]
    [InlineData("Acme Bankers love it", "Acme Bank", "Acme Bankers love it")]
    [InlineData("the sync duplicates contacts", null, "the sync duplicates contacts")]
    public void Quote_lists_do_not_name_the_customer_twice(string text, string? customer, string shown) =>
        Assert.Equal(shown, QuoteFlow.WithoutCustomer(text, customer));

    [Theory]
    [InlineData("Acme Bank", true)]
    [InlineData("Hai Chuan Tech", true)]
    [InlineData("Acme Bank: the sync duplicates contacts", false)]
    [InlineData("the sync duplicates contacts", false)]
    [InlineData("Export Is Broken Again For Us Today", false)]
    [InlineData("同步总是重复联系人", false)]
    public void A_bare_name_is_told_from_a_quote(string text, bool bareName) =>
        Assert.Equal(bareName, QuoteFlow.LooksLikeOnlyAName(text));

    [Fact]
    public async Task Quote_of_only_a_name_asks_instead_of_saving_it()
    {
        var reply = Assert.Single(await Run("ana", new CommandInput("quote Acme Bank")));
        var form = reply.Form!;
        Assert.Contains("Is “Acme Bank” the customer?", form.Error, StringComparison.Ordinal);
        Assert.Equal("Acme Bank", form.Inputs.Single(i => i.Id == QuoteCapture.Customer).Initial);
        Assert.Empty(await _services.GetRequiredService<IQuoteStore>().ListAsync(Channel, null, 10, CancellationToken.None));
    }
}

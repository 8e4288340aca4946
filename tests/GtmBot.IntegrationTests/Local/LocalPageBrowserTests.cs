using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GtmBot.IntegrationTests.Local;

/// <summary>The local channel page driven in headless Debian Chromium, against the real host on Kestrel.</summary>
public sealed partial class LocalPageBrowserTests : IAsyncLifetime
{
    private readonly GtmHostFactory _host = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        var chromium = TestEnvironment.Chromium();
        _host.UseKestrel(0);
        _host.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Offline machine: no background fetches, no sandbox as root.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _host.DisposeAsync();
    }

    private string BaseUrl => _host.ClientOptions.BaseAddress.ToString().TrimEnd('/');

    internal async Task<IPage> OpenAsync(string channel, string user)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
        await page.GotoAsync(BaseUrl + "/");
        await page.FillAsync("#channel", channel);
        await page.DispatchEventAsync("#channel", "change");
        await page.FillAsync("#user", user);
        await page.DispatchEventAsync("#user", "change");
        return page;
    }

    internal static async Task TypeCommandAsync(IPage page, string command)
    {
        await page.FillAsync("#command", command);
        await page.PressAsync("#command", "Enter");
    }

    [Fact]
    public async Task Typing_help_shows_the_command_list()
    {
        var page = await OpenAsync("browser-help", "ana");
        await TypeCommandAsync(page, "/gtm help");
        await page.Locator("#messages .msg.ephemeral").Filter(new() { HasText = "/gtm lang" }).WaitForAsync();
        Assert.Contains("GtmBot", await page.Locator("#messages").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canvas_field_edited_in_the_page_is_still_shown_after_a_reload()
    {
        var page = await OpenAsync("browser-canvas", "ana");
        await TypeCommandAsync(page, "/gtm canvas");
        // The first /gtm canvas posts one living card, pinned beside the feed.
        await page.Locator("#artefacts button", new() { HasText = "Edit Who" }).First.ClickAsync();

        var form = page.Locator("form").Last;
        await form.Locator("textarea[name=text]").FillAsync("Heads of sales ops at 200–2,000 seat SaaS firms <b>in APAC</b>");
        await form.Locator("button[type=submit]").ClickAsync();
        var pinned = page.Locator("#artefacts");
        await pinned.Filter(new() { HasText = "Heads of sales ops" }).WaitForAsync();

        await page.ReloadAsync();
        await pinned.Filter(new() { HasText = "Heads of sales ops" }).WaitForAsync();
        var text = await pinned.InnerTextAsync();
        Assert.Contains("<b>in APAC</b>", text, StringComparison.Ordinal);
        Assert.Equal(0, await pinned.Locator("b").CountAsync());
    }

    [Fact]
    public async Task A_direct_message_shows_up_in_the_current_users_own_feed_only()
    {
        var page = await OpenAsync("browser-direct", "ana");
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        Reply Text(string t) => new([new TextBlock(t)], t);
        await outbox.EnqueueAsync(new OutboundMessage(ConversationKey.Direct(Platforms.Local, "local", "bo"), Text("for bo only")), CancellationToken.None);
        await outbox.EnqueueAsync(new OutboundMessage(ConversationKey.Direct(Platforms.Local, "local", "ana"), Text("Planned for Q3: scheduled <i>backup</i>")), CancellationToken.None);

        var direct = page.Locator("#direct");
        await direct.Locator(".msg", new() { HasText = "scheduled" }).WaitForAsync();
        await page.WaitForTimeoutAsync(2500); // one more poll round: nothing else arrives
        Assert.Equal(1, await direct.Locator(".msg").CountAsync());
        Assert.Contains("<i>backup</i>", await direct.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await direct.Locator("i").CountAsync());
        Assert.DoesNotContain("for bo only", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#user", "bo");
        await page.DispatchEventAsync("#user", "change");
        await direct.Locator(".msg", new() { HasText = "for bo only" }).WaitForAsync();
        Assert.Equal(1, await direct.Locator(".msg").CountAsync());
    }
}

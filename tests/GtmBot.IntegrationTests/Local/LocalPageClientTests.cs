using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GtmBot.IntegrationTests.Local;

/// <summary>The local page as a client: one card per artefact, forms that close, styles as the card says, a layout that fits.</summary>
public sealed partial class LocalPageBrowserTests
{
    private const string SavedWho = "Heads of sales ops at mid-size SaaS firms";

    private static async Task SaveWhoAsync(IPage page)
    {
        await TypeCommandAsync(page, "/gtm canvas");
        await page.Locator("#artefacts button", new() { HasText = "Edit Who" }).First.ClickAsync();
        var form = page.Locator("form").Last;
        await form.Locator("textarea[name=text]").FillAsync(SavedWho);
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#artefacts").Filter(new() { HasText = SavedWho }).WaitForAsync();
    }

    [Fact]
    public async Task A_saved_canvas_field_leaves_one_card_on_the_page_and_no_stale_copy()
    {
        var page = await OpenAsync("browser-one-card", "ana");
        await SaveWhoAsync(page);

        // Every canvas card has an "Edit Who" button: the page shows exactly one, the live one, with the saved text.
        var cards = page.Locator(".msg").Filter(new() { Has = page.Locator("button", new() { HasText = "Edit Who" }) });
        Assert.Equal(1, await cards.CountAsync());
        Assert.Contains(SavedWho, await cards.InnerTextAsync(), StringComparison.Ordinal);

        await page.ReloadAsync();
        await page.Locator("#artefacts").Filter(new() { HasText = SavedWho }).WaitForAsync();
        Assert.Equal(1, await cards.CountAsync());
    }

    [Fact]
    public async Task A_submitted_form_closes()
    {
        var page = await OpenAsync("browser-form-closes", "ana");
        await SaveWhoAsync(page);
        await page.Locator("form").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Locator("form button[type=submit]").CountAsync());
    }

    [Fact]
    public async Task Buttons_take_the_style_the_card_gives_them()
    {
        var page = await OpenAsync("browser-styles", "ana");
        await TypeCommandAsync(page, "/gtm checklist");
        var done = page.Locator("#artefacts button", new() { HasText = "Done" }).First;
        await done.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // Marking a step still to do as done is a default action: not the solid green of a primary one.
        Assert.Equal("rgb(255, 255, 255)", await done.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        Assert.Contains("default", await done.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        // The drill's next step is the card's primary action: solid green.
        await TypeCommandAsync(page, "/gtm why customers export every report to Excel");
        var primary = page.Locator("#artefacts button.primary").First;
        Assert.Equal("rgb(0, 122, 90)", await primary.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
    }

    [Fact]
    public async Task The_due_date_field_takes_dates_as_people_write_them_and_says_so()
    {
        var page = await OpenAsync("browser-due", "ana");
        await TypeCommandAsync(page, "/gtm checklist");
        await PressAsync(page.Locator("#artefacts button", new() { HasText = "Owner · due · note" }).First);
        var due = page.Locator("form input[name=due]");
        await due.WaitForAsync();

        // A text field whose hint lists the forms it takes, not a date picker showing the browser's MM/DD/YYYY under a YYYY-MM-DD label.
        Assert.Equal("text", await due.GetAttributeAsync("type"));
        Assert.Contains("next Friday", await due.GetAttributeAsync("placeholder") ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("YYYY", await page.Locator("form").InnerTextAsync(), StringComparison.Ordinal);

        // "Dec 15" comes back as the exact day to confirm; saving again keeps it.
        await due.FillAsync("Dec 15");
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => /^\\d{4}-12-15$/.test(document.querySelector('form input[name=due]')?.value ?? '')");
        Assert.Equal(1, await page.Locator("form").CountAsync());
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.Locator("#artefacts").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\d{4}-12-15") }).WaitForAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(760)]
    [InlineData(1280)]
    public async Task The_feed_keeps_most_of_the_width_at_any_window_size(int width)
    {
        var page = await OpenAsync("browser-layout", "ana");
        await page.SetViewportSizeAsync(width, 800);
        await SaveWhoAsync(page);

        var feed = await page.Locator("#feed").BoundingBoxAsync();
        var pinned = await page.Locator("#pinned").BoundingBoxAsync();
        Assert.NotNull(feed);
        Assert.NotNull(pinned);
        TestContext.Current.SendDiagnosticMessage($"{width} px: feed {feed.Width:F0} px, pinned {pinned.Width:F0} px");
        if (width < 1000)
        {
            // Stacked: both columns take the full width, the pinned cards above the feed.
            Assert.True(feed.Width >= width - 20, $"feed is {feed.Width} px wide at {width} px");
            Assert.True(pinned.Y < feed.Y);
        }
        else
        {
            Assert.True(feed.Width >= width * 0.6, $"feed is {feed.Width} px wide at {width} px");
            Assert.True(pinned.X > feed.X);
        }
    }

    [Fact]
    public async Task Typed_commands_are_kept_by_the_server_and_shown_after_a_reload()
    {
        var page = await OpenAsync("browser-typed", "ana");
        await TypeCommandAsync(page, "/gtm checklist");
        var mine = page.Locator("#messages .msg.mine", new() { HasText = "/gtm checklist" });
        await mine.WaitForAsync();
        await page.Locator("#artefacts button", new() { HasText = "Done" }).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(1, await mine.CountAsync());

        // Another browser (nothing kept in its storage) and another person see the command, with who typed it.
        var other = await OpenAsync("browser-typed", "bo");
        var command = other.Locator("#messages .msg", new() { HasText = "/gtm checklist" });
        await command.WaitForAsync();
        Assert.Equal(1, await command.CountAsync());
        Assert.Contains("ana", await command.Locator(".who").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await other.Locator("#messages .msg.mine").CountAsync());

        await page.ReloadAsync();
        await mine.WaitForAsync();
        Assert.Equal(1, await mine.CountAsync());
    }

    [Fact]
    public async Task A_message_delivered_by_the_outbox_appears_on_the_page_without_polling()
    {
        var page = await OpenAsync("browser-push", "ana");
        var polls = new List<string>();
        var streams = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/messages?after=", StringComparison.Ordinal))
            {
                polls.Add(request.Url);
            }
            else if (request.Url.Contains("/events", StringComparison.Ordinal))
            {
                streams.Add(request.Url);
            }
        };
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('direct-user').textContent.includes('ana')");
        await page.WaitForTimeoutAsync(500);

        var outbox = _host.Services.GetRequiredService<IOutbox>();
        var channel = new ConversationKey(Platforms.Local, "local", "browser-push");
        await outbox.EnqueueAsync(new OutboundMessage(channel, new Reply([new TextBlock("Weekly reminder: 2 steps due")], "reminder")), CancellationToken.None);
        await page.Locator("#messages .msg", new() { HasText = "Weekly reminder" }).WaitForAsync();
        await page.WaitForTimeoutAsync(2500); // longer than the old poll interval: still no poll, and no second copy

        Assert.Empty(polls);
        Assert.Contains(streams, u => u.Contains("/channels/browser-push/events", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#messages .msg", new() { HasText = "Weekly reminder" }).CountAsync());
    }

    [Fact]
    public async Task A_card_changed_by_its_own_button_is_replaced_in_place_and_stays_one_after_a_reload()
    {
        var page = await OpenAsync("browser-replace", "ana");
        await TypeCommandAsync(page, "/gtm quote Acme Bank: We spend two days every month reconciling exports by hand");
        var cards = page.Locator("#messages .msg").Filter(new() { HasText = "Customer quote" });
        await PressAsync(cards.Locator("button", new() { HasText = "praise" }).First);
        await cards.Locator("button", new() { HasText = "✓ praise" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(1, await cards.CountAsync());

        // Another page open on the channel sees the change in place too, and a reload shows the one card as it is now.
        var other = await OpenAsync("browser-replace", "bo");
        var otherCards = other.Locator("#messages .msg").Filter(new() { HasText = "Customer quote" });
        await otherCards.Locator("button", new() { HasText = "✓ praise" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await PressAsync(cards.Locator("button", new() { HasText = "✓ praise" }));
        await otherCards.Locator("button", new() { HasText = "✓ praise" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.ReloadAsync();
        await cards.First.WaitForAsync();
        Assert.Equal(1, await cards.CountAsync());
        Assert.Equal(0, await cards.Locator("button", new() { HasText = "✓ praise" }).CountAsync());
    }

    /// <summary>Presses a card button, opening the menu it sits in first (menus fold their actions away).</summary>
    private static async Task PressAsync(ILocator button)
    {
        await button.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await button.EvaluateAsync("b => { const menu = b.closest('details'); if (menu) { menu.open = true; } }");
        await button.ClickAsync();
    }
}

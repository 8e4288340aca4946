using System.Text.Json.Nodes;
using GtmBot.Engine.Charts;
using GtmBot.IntegrationTests.Teams;
using SkiaSharp;

namespace GtmBot.IntegrationTests.Needs;

/// <summary>
/// The needs story in the real Microsoft 365 Agents Playground (telemetry off, no browser, loopback) against the in-process
/// host: quotes of three customers, a need made with the insights card's button, moved to planned with the need card's
/// button — the living card is updated in the channel and the person who captured the quotes hears back once in their
/// personal chat — and the insights chart arrives as an image in a card.
/// </summary>
public sealed class PlaygroundNeedTests : IAsyncLifetime
{
    private readonly GtmHostFactory _host = new(new Dictionary<string, string?>
    {
        ["GtmBot:Teams:DangerouslyAllowUnauthenticatedLoopback"] = "true",
        ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.100",
    });

    private Playground? _playground;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_need_moved_to_planned_and_the_chart_arrive_in_the_playground()
    {
        var nodeModules = TestEnvironment.E2eNodeModules(TeamsManifestTests.RepoRoot());
        _host.UseKestrel(0);
        _host.StartServer();
        var pg = _playground = await Playground.StartAsync(nodeModules, _host.ClientOptions.BaseAddress, "personal-needs-e2e");

        foreach (var quote in new[]
        {
            "quote Acme: we need a scheduled backup of the project database every night",
            "quote Initech: without a scheduled backup we cannot pass the audit",
            "quote Globex: a scheduled backup is a must for our IT team",
        })
        {
            await pg.MentionAsync(pg.General, quote);
        }

        await Playground.EventuallyAsync(() => pg.CardFrames("Globex: a scheduled backup") is { Count: > 0 } f ? f : null, "the third quote's card");
        await pg.MentionAsync(pg.General, "customer Acme segment enterprise arr 120000");
        await pg.MentionAsync(pg.General, "customer Globex segment SMB");

        // The Playground hands posts to the bot concurrently: the profiles are saved before the insights are asked for.
        await Playground.EventuallyAsync(() => pg.CardFrames("Profile of Acme saved").Count + pg.CardFrames("Profile of Globex saved").Count == 2 ? pg.Frames : null, "both profiles");
        await pg.MentionAsync(pg.General, "insights");
        var insights = await Playground.EventuallyAsync(
            () => pg.CardFrames("Quote insights").LastOrDefault(),
            "the insights");
        var counts = insights["message"]!["attachments"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("rare among enterprise: 1 of 1", counts, StringComparison.Ordinal);
        Assert.Contains("rare among SMB: 1 of 1", counts, StringComparison.Ordinal);
        await pg.PressAsync(insights, Playground.Buttons(insights).Single(b => (string?)b["verb"] == "need.theme"));

        // The need's living card, then its "Planned" button.
        var card = await Playground.EventuallyAsync(() => pg.CardFrames("Priority score").FirstOrDefault(f => (string?)f["action"] == "createMessage"), "the need card");
        await pg.PressAsync(card, Playground.Buttons(card).Single(b => (string?)b["title"] == "Planned"));

        var updated = await Playground.EventuallyAsync(
            () => pg.CardFrames("**Planned**").FirstOrDefault(f => (string?)f["action"] == "updateMessage" && (string?)f["message"]?["messageId"] == (string?)card["message"]?["messageId"]),
            "the need card updated to Planned");
        Assert.Contains("Priority score", updated["message"]!["attachments"]!.ToJsonString(), StringComparison.Ordinal);
        // The quotes reached the bot concurrently, so the customers are named in the order they were saved.
        await Playground.EventuallyAsync(() => pg.CardFrames("your quotes from", pg.PersonalChat) is { Count: > 0 } f ? f : null, "the message in the personal chat");
        await Task.Delay(1000);
        var heard = Assert.Single(pg.CardFrames("your quotes from"));
        Assert.Equal(pg.PersonalChat, (string?)heard["actionConversationId"]);
        var line = heard["message"]!["attachments"]!.ToJsonString();
        Assert.Contains("Planned: ", line, StringComparison.Ordinal);
        Assert.All(["Acme", "Initech", "Globex"], c => Assert.Contains(c, line, StringComparison.Ordinal));

        // The chart: an Adaptive Card Image at the bot's signed link, which serves the PNG.
        await pg.MentionAsync(pg.General, "insights chart");
        var chart = await Playground.EventuallyAsync(() => pg.Frames.FirstOrDefault(f => (string?)f["action"] == "createMessage" && Playground.Nodes(f["message"]?["attachments"]).Any(n => (string?)n["type"] == "Image")), "the chart card");
        var image = Playground.Nodes(chart["message"]!["attachments"]).Single(n => (string?)n["type"] == "Image");
        Assert.Equal("Distinct customers per theme, by segment", (string?)image["altText"]);
        var url = new Uri((string)image["url"]!);
        using var client = _host.CreateClient();
        var png = await client.GetByteArrayAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(ChartPainter.Width, bitmap.Width);
    }
}

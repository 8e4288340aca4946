using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>
/// A new team's first planning commands in the real Microsoft 365 Agents Playground (telemetry off, no browser, loopback),
/// in English and then in Chinese: each posts exactly one card in the channel, counted on the Playground's own stream.
/// </summary>
public sealed class PlaygroundOneCardTests : IAsyncLifetime
{
    /// <summary>How long the stream is watched after a card arrives, for a second copy that would follow it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

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
    public async Task Each_first_planning_command_posts_exactly_one_card_in_both_languages()
    {
        var nodeModules = TestEnvironment.E2eNodeModules(TeamsManifestTests.RepoRoot());
        _host.UseKestrel(0);
        _host.StartServer();
        var pg = _playground = await Playground.StartAsync(nodeModules, _host.ClientOptions.BaseAddress, "personal-one-card-e2e");

        await AssertOneCardAsync(pg, "canvas", "4W1H canvas · default");
        await AssertOneCardAsync(pg, "why sales cannot find last quarter's call notes", "last quarter's call notes");

        await pg.MentionAsync(pg.General, "lang zh");
        await Playground.EventuallyAsync(() => pg.Frames.Any(f => f.ToJsonString(Unescaped).Contains("我会用中文和你交流", StringComparison.Ordinal)) ? pg.Frames : null, "the language notice");
        await AssertOneCardAsync(pg, "清单", "GTM 产品上市清单");
    }

    /// <summary>Sends <paramref name="command"/> in the channel and counts the cards the bot creates in that channel after it.</summary>
    private static async Task AssertOneCardAsync(Playground pg, string command, string expected)
    {
        var before = pg.Frames.Count;
        await pg.MentionAsync(pg.General, command);
        await Playground.EventuallyAsync(() => CardsSince(pg, before).Any(f => Text(f).Contains(expected, StringComparison.Ordinal)) ? pg.Frames : null, "the card of " + command);
        await Task.Delay(Settle, TestContext.Current.CancellationToken);
        var cards = CardsSince(pg, before);
        Assert.True(cards.Count == 1, $"{command}: {cards.Count} cards created: {string.Join(" | ", cards.Select(Text))}");
        Assert.Contains(expected, Text(cards[0]), StringComparison.Ordinal);
    }

    /// <summary>Cards created (not updated) in the channel or its threads since frame number <paramref name="since"/>.</summary>
    private static List<JsonNode> CardsSince(Playground pg, int since) =>
        [.. pg.Frames.Skip(since).Where(f => (string?)f["action"] == "createMessage"
            && ((string?)f["actionConversationId"])?.StartsWith(pg.General, StringComparison.Ordinal) == true
            && f["message"]?["attachments"] is JsonArray { Count: > 0 })];

    private static string Text(JsonNode frame) => frame["message"]?["attachments"]?.ToJsonString(Unescaped) ?? string.Empty;

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

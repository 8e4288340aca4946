using System.Net.Http.Json;
using System.Text.Json;

namespace GtmBot.IntegrationTests.Local;

/// <summary>A new user's first planning commands on the local page, counted as the distinct messages its feed shows.</summary>
public sealed class LocalOneCardTests : IDisposable
{
    private readonly GtmHostFactory _host = new(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" });

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/gtm canvas")]
    [InlineData("/gtm checklist")]
    [InlineData("/gtm why sales can't find last quarter's call notes")]
    [InlineData("/gtm 画布")]
    public async Task First_planning_command_shows_exactly_one_card_in_the_feed(string command)
    {
        using var client = _host.CreateClient();
        var turn = await LocalChannelApiTests.PostAsync(client, new { channel = "first", user = "ana", text = command });
        await Task.Delay(TimeSpan.FromMilliseconds(750), TestContext.Current.CancellationToken);
        var feed = (await client.GetFromJsonAsync<JsonElement>(new Uri("/local/api/channels/first/messages", UriKind.Relative), TestContext.Current.CancellationToken)).GetProperty("replies");

        // What the bot shows the channel: the turn's channel replies and the feed, one item per message id; the person's
        // own typed command is kept in the feed too (with its author) and is not the bot's.
        var shown = turn.GetProperty("replies").EnumerateArray().Concat(feed.EnumerateArray())
            .Where(r => !r.TryGetProperty("visibility", out var v) || !string.Equals(v.GetString(), "ephemeral", StringComparison.OrdinalIgnoreCase))
            .Where(r => !r.TryGetProperty("author", out var author) || author.ValueKind == JsonValueKind.Null)
            .Select(r => r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : r.GetRawText())
            .Distinct()
            .ToList();
        Assert.Single(shown);
    }
}

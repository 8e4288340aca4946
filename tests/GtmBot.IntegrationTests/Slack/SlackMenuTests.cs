using System.Net;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>
/// Compact cards on Slack: a step's status is an overflow menu and a quote's tags a static select; choosing an option comes
/// back as block_actions with <c>selected_option.value</c> and acts as the old button did.
/// </summary>
/// <see href="https://api.slack.com/reference/block-kit/block-elements"/>
public sealed class SlackMenuTests
{
    private static readonly Dictionary<string, string?> FastOutbox = new() { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" };

    [Fact]
    public async Task Choosing_done_in_a_steps_overflow_ticks_the_step_on_the_living_card()
    {
        await using var host = await SlackHost.StartAsync(FastOutbox);
        await host.PostSlashAsync("checklist");
        var posted = (await host.Api.WaitForAsync("chat.postMessage"))[0].Json!;
        var elements = posted["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToList();
        Assert.Single(elements, e => (string?)e!["type"] == "button");
        var overflow = elements.First(e => (string?)e!["type"] == "overflow")!;
        var done = overflow["options"]!.AsArray().First(o => ((string?)o!["value"])!.Contains("|1\\|Done\\|", StringComparison.Ordinal))!;

        var response = await host.PostInteractionAsync(Choice(host, (string)overflow["action_id"]!, "overflow", done).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = (await host.Api.WaitForAsync("chat.update"))[0].Json!;
        var firstStep = update["blocks"]!.AsArray().First(b => (string?)b!["type"] == "section" && ((string?)b!["text"]?["text"] ?? string.Empty).Contains("1.", StringComparison.Ordinal))!;
        Assert.Contains("Done", (string?)firstStep["text"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_with_an_unreadable_value_is_refused_politely()
    {
        await using var host = await SlackHost.StartAsync(FastOutbox);
        var bogus = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" }, ["value"] = "a|b|c" };

        var response = await host.PostInteractionAsync(Choice(host, "menu.choose", "static_select", bogus).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Api.Of("chat.update"));
    }

    private static JsonObject Choice(SlackHost host, string actionId, string type, JsonNode option) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["user"] = new JsonObject { ["id"] = "U1", ["team_id"] = "T1" },
        ["trigger_id"] = "trig-menu",
        ["response_url"] = host.Api.ResponseUrl("menu"),
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C1", ["message_ts"] = "1700000000.000001" },
        ["channel"] = new JsonObject { ["id"] = "C1" },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "b1",
            ["type"] = type,
            ["selected_option"] = option.DeepClone(),
            ["action_ts"] = "1700000001.000001",
        }),
    };
}

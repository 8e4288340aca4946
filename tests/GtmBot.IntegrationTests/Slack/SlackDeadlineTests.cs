using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GtmBot.Engine;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>The acknowledgement leaves within Slack's 3 s even when the Web API stalls; a form that could not open offers a retry.</summary>
public sealed class SlackDeadlineTests
{
    private static readonly TimeSpan SlackAckDeadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Slash_quote_acks_in_time_while_views_open_stalls_and_offers_a_retry()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Stall("views.open", TimeSpan.FromSeconds(20));
        await host.PostSlashAsync("help"); // warms the host and the users.info cache: the stall is what is measured

        var clock = Stopwatch.StartNew();
        var response = await host.PostSlashAsync("quote form", triggerId: "trig-stall");
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < SlackAckDeadline, $"ack took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Single(host.Api.Of("views.open"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("did not open the form in time", body.ToJsonString(), StringComparison.Ordinal);
        var button = body["blocks"]![1]!["elements"]![0]!;
        Assert.Equal("slack.form.retry", (string?)button["action_id"]);

        // The retry brings a fresh trigger: the same command runs again and its form opens.
        host.Api.Stall("views.open", TimeSpan.Zero);
        var press = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["user"] = new JsonObject { ["id"] = "U1", ["team_id"] = "T1" },
            ["trigger_id"] = "trig-retry",
            ["response_url"] = host.Api.ResponseUrl("retry"),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C1", ["message_ts"] = "1700000000.000001", ["is_ephemeral"] = true },
            ["channel"] = new JsonObject { ["id"] = "C1" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "slack.form.retry", ["type"] = "button", ["value"] = (string?)button["value"] }),
        };
        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(press.ToJsonString())).StatusCode);
        var opens = host.Api.Of("views.open");
        Assert.Equal(2, opens.Count);
        Assert.Equal("trig-retry", (string?)opens[1].Json!["trigger_id"]);
        Assert.Equal("quote.save", (string?)opens[1].Json!["view"]!["callback_id"]);
        Assert.Equal("quote form", Assert.IsType<CommandInput>(host.Flow.Turns.Last().Input).Text);
    }

    [Fact]
    public async Task Slash_quote_answers_in_chinese_when_the_form_cannot_open()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("views.open", 200, """{"ok":false,"error":"expired_trigger_id"}""");
        await host.PostSlashAsync("lang zh");
        var response = await host.PostSlashAsync("quote form");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("Slack 未能及时打开表单", (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal("重试", (string?)body["blocks"]![1]!["elements"]![0]!["text"]!["text"]);
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>A new user's first planning commands, counted as messages the channel sees on a loopback fake Slack.</summary>
public sealed class SlackOneCardTests
{
    private static readonly Dictionary<string, string?> FastOutbox = new() { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" };

    [Theory]
    [InlineData("canvas")]
    [InlineData("checklist")]
    [InlineData("why sales can't find last quarter's call notes")]
    [InlineData("画布")]
    public async Task First_planning_command_posts_exactly_one_card(string command)
    {
        await using var host = await SlackHost.StartAsync(FastOutbox);
        var response = await host.PostSlashAsync(command);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await response.Content.ReadAsStringAsync();

        // The living card is posted and pinned by the outbox; give any second copy time to show up before counting.
        await host.Api.WaitForAsync("pins.add");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        Assert.Single(host.Api.Of("chat.postMessage"));
        Assert.Equal(0, InChannel(ack));
        Assert.DoesNotContain(host.Api.Calls, c => c.Method.StartsWith("response_url:", StringComparison.Ordinal) && InChannel(c.Body) > 0);
    }

    [Fact]
    public async Task Asking_for_the_canvas_again_updates_nothing_in_the_channel_and_answers_the_asker()
    {
        await using var host = await SlackHost.StartAsync(FastOutbox);
        await host.PostSlashAsync("canvas");
        await host.Api.WaitForAsync("pins.add");

        var again = await host.PostSlashAsync("canvas");
        var body = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Single(host.Api.Of("chat.postMessage"));
    }

    private static int InChannel(string body) =>
        body.StartsWith('{') && (string?)JsonNode.Parse(body)!["response_type"] == "in_channel" ? 1 : 0;
}

using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>Socket Mode against a loopback fake WebSocket server: hello, envelope, ack, disconnect, reconnect.</summary>
public sealed class SocketModeTests
{
    [Fact]
    public async Task Envelopes_are_acknowledged_and_a_disconnect_leads_to_a_reconnect()
    {
        _ = SlackHost.Fixtures; // the official envelopes: skips here, not inside the fake server, when ../shared is absent
        var acks = new System.Collections.Concurrent.ConcurrentQueue<JsonObject>();
        var reconnected = new TaskCompletionSource();
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["GtmBot:Slack:AppToken"] = "xapp-test" });
        host.Api.SocketScript = async (socket, index) =>
        {
            await FakeSlackApi.SendAsync(socket, File.ReadAllText(Path.Combine(SlackHost.Fixtures, "socket.hello.json")));
            if (index == 0)
            {
                var envelope = JsonNode.Parse(File.ReadAllText(Path.Combine(SlackHost.Fixtures, "socket.envelope.slash_commands.json")))!;
                envelope["payload"]!["text"] = "quote via socket";
                await FakeSlackApi.SendAsync(socket, envelope.ToJsonString());
                acks.Enqueue(JsonNode.Parse((await FakeSlackApi.ReceiveAsync(socket))!)!.AsObject());

                var events = File.ReadAllText(Path.Combine(SlackHost.Fixtures, "socket.envelope.events_api.app_mention_retry.json"));
                await FakeSlackApi.SendAsync(socket, events);
                acks.Enqueue(JsonNode.Parse((await FakeSlackApi.ReceiveAsync(socket))!)!.AsObject());

                await FakeSlackApi.SendAsync(socket, """{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"wss-111.slack.com"}}""");
                await FakeSlackApi.ReceiveAsync(socket);
            }
            else
            {
                reconnected.TrySetResult();
                await FakeSlackApi.ReceiveAsync(socket, 30_000);
            }
        };

        _ = host.Client; // the host (and its Socket Mode service) is running
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, acks.Count);
        var slash = acks.First();
        Assert.Equal("xxx-11-222-yyy-zzz", (string?)slash["envelope_id"]);
        Assert.Equal("in_channel", (string?)slash["payload"]!["response_type"]);
        Assert.Null(acks.Last()["payload"]);
        Assert.True(host.Api.Of("apps.connections.open").Count >= 2);
        Assert.Equal("Bearer xapp-test", host.Api.Of("apps.connections.open")[0].Authorization);
        var turn = host.Flow.Turns.First();
        Assert.Equal("quote via socket", ((GtmBot.Engine.CommandInput)turn.Input).Text);
        Assert.Equal(new GtmBot.Engine.ConversationKey("slack", "T111", "C111"), turn.Conversation);
    }

    // Frames written from the Socket Mode docs: https://docs.slack.dev/apis/events-api/using-socket-mode
    private const string Hello = """{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0GTMAPP1"}}""";

    private const string LateSlashCommand = """
        {"envelope_id":"late-on-the-old-connection","type":"slash_commands","accepts_response_payload":true,
         "payload":{"token":"x","team_id":"T0GTMTEAM","team_domain":"gtm","channel_id":"C0LAUNCH","channel_name":"launch","user_id":"U0ANA","user_name":"ana",
                    "command":"/gtm","text":"quote via the old connection","api_app_id":"A0GTMAPP1","response_url":"https://hooks.slack.com/commands/T0GTMTEAM/1/x","trigger_id":"1.2.abc"}}
        """;

    [Fact]
    public async Task On_a_refresh_the_next_connection_opens_while_the_old_one_still_acknowledges()
    {
        var secondOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateAck = new TaskCompletionSource<JsonObject?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["GtmBot:Slack:AppToken"] = "xapp-test" });
        host.Api.SocketScript = async (socket, index) =>
        {
            await FakeSlackApi.SendAsync(socket, Hello);
            if (index == 0)
            {
                await FakeSlackApi.SendAsync(socket, """{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"wss-111.slack.com"}}""");

                // Slack keeps the old connection open for a while: the new one must already be there.
                await secondOpen.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await FakeSlackApi.SendAsync(socket, LateSlashCommand);
                var ack = await FakeSlackApi.ReceiveAsync(socket);
                lateAck.TrySetResult(ack is null ? null : JsonNode.Parse(ack)!.AsObject());
            }
            else
            {
                secondOpen.TrySetResult();
                await FakeSlackApi.ReceiveAsync(socket, 30_000);
            }
        };

        _ = host.Client;
        var ack = await lateAck.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotNull(ack);
        Assert.Equal("late-on-the-old-connection", (string?)ack["envelope_id"]);
        Assert.Equal(2, host.Api.SocketConnections);
    }
}

using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>Outbox delivery through the Slack messenger, against the fake Slack.</summary>
public sealed class SlackMessengerTests
{
    private static readonly ConversationKey Channel = new("slack", "T1", "C1");

    private static readonly Reply Canvas = new([new HeaderBlock("4W1H"), new FieldsBlock([new Field("Who", "SMB")])], "4W1H", Placement: ReplyPlacement.Artefact, ArtefactKey: "canvas:default");

    private static IPlatformMessenger Messenger(SlackHost host) => host.Factory.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "slack");

    [Fact]
    public async Task Artefact_is_posted_and_pinned_first_then_updated_in_place()
    {
        await using var host = await SlackHost.StartAsync();
        var messenger = Messenger(host);
        var ts = await messenger.DeliverAsync(Channel, Canvas, null, CancellationToken.None);
        Assert.Equal(ts, (string?)Assert.Single(host.Api.Of("pins.add")).Json!["timestamp"]);
        Assert.Single(host.Api.Of("chat.postMessage"));

        Assert.Equal(ts, await messenger.DeliverAsync(Channel, Canvas, ts, CancellationToken.None));
        Assert.Equal(ts, (string?)Assert.Single(host.Api.Of("chat.update")).Json!["ts"]);
        Assert.Single(host.Api.Of("chat.postMessage"));
        Assert.NotEmpty(host.Api.Of("conversations.canvases.create"));
    }

    [Fact]
    public async Task Canvas_failure_keeps_the_pinned_message()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("conversations.canvases.create", 200, """{"ok":false,"error":"free_teams_cannot_create_non_tabbed_canvases"}""");
        var ts = await Messenger(host).DeliverAsync(Channel, Canvas, null, CancellationToken.None);
        Assert.NotNull(ts);
        Assert.Single(host.Api.Of("pins.add"));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("account_inactive")]
    public async Task Lost_conversation_is_a_permanent_failure(string error)
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("chat.postMessage", 200, $$"""{"ok":false,"error":"{{error}}"}""");
        var e = await Assert.ThrowsAsync<DeliveryException>(() => Messenger(host).DeliverAsync(Channel, Canvas, null, CancellationToken.None));
        Assert.True(e.Permanent);
        Assert.True(e.ConversationGone);
    }

    [Fact]
    public async Task Deleted_living_message_asks_for_a_new_post()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("chat.update", 200, """{"ok":false,"error":"message_not_found"}""");
        var e = await Assert.ThrowsAsync<DeliveryException>(() => Messenger(host).DeliverAsync(Channel, Canvas, "1.2", CancellationToken.None));
        Assert.True(e.MessageGone);
        Assert.False(e.Permanent);
    }

    [Fact]
    public async Task Long_rate_limit_is_handed_back_with_retry_after()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: 30);
        var e = await Assert.ThrowsAsync<DeliveryException>(() => Messenger(host).DeliverAsync(Channel, new Reply([new TextBlock("hi")], "hi"), null, CancellationToken.None));
        Assert.False(e.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
    }

    [Fact]
    public async Task Server_error_on_a_post_is_not_re_sent_blindly_but_marked_for_reconciling()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("chat.postMessage", 503, "{}");
        var e = await Assert.ThrowsAsync<DeliveryException>(() => Messenger(host).DeliverAsync(Channel, new Reply([new TextBlock("hi")], "hi"), null, CancellationToken.None));
        Assert.False(e.Permanent);
        Assert.True(e.Ambiguous);
        Assert.Single(host.Api.Of("chat.postMessage"));
    }

    [Fact]
    public async Task Posts_carry_their_outbox_id_in_message_metadata()
    {
        await using var host = await SlackHost.StartAsync();
        await Messenger(host).DeliverAsync(Channel, new Reply([new TextBlock("hi")], "hi"), null, new OutboxDelivery(42, TimeProvider.System.GetUtcNow(), false), CancellationToken.None);

        var metadata = Assert.Single(host.Api.Of("chat.postMessage")).Json!["metadata"]!;
        Assert.Equal("gtmbot_outbox", (string?)metadata["event_type"]);
        Assert.Equal("42", (string?)metadata["event_payload"]!["id"]);
        Assert.Empty(host.Api.Of("conversations.history")); // a first attempt does not look
    }

    [Fact]
    public async Task A_post_whose_reply_was_lost_is_found_in_the_history_and_adopted_not_posted_again()
    {
        await using var host = await SlackHost.StartAsync();
        var messenger = Messenger(host);
        var reply = new Reply([new TextBlock("weekly digest")], "weekly digest");
        host.Api.LoseReplies["chat.postMessage"] = 1;

        var lost = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(Channel, reply, null, new OutboxDelivery(7, TimeProvider.System.GetUtcNow(), false), CancellationToken.None));
        Assert.True(lost.Ambiguous);
        Assert.False(lost.Permanent);
        var stored = Assert.Single(host.Api.MessagesIn("C1"));

        var ts = await messenger.DeliverAsync(Channel, reply, null, new OutboxDelivery(7, TimeProvider.System.GetUtcNow().AddMinutes(-1), true), CancellationToken.None);

        Assert.Equal((string?)stored["ts"], ts);
        Assert.Single(host.Api.Of("chat.postMessage"));
        Assert.Single(host.Api.MessagesIn("C1"));
        Assert.Equal("true", Assert.Single(host.Api.Of("conversations.history")).Form("include_all_metadata"));
    }

    [Fact]
    public async Task An_unsure_post_that_never_arrived_is_posted_after_the_look_up()
    {
        await using var host = await SlackHost.StartAsync();
        var ts = await Messenger(host).DeliverAsync(Channel, new Reply([new TextBlock("hi")], "hi"), null, new OutboxDelivery(8, TimeProvider.System.GetUtcNow(), true), CancellationToken.None);

        Assert.Single(host.Api.Of("conversations.history"));
        Assert.Equal(ts, (string?)Assert.Single(host.Api.MessagesIn("C1"))["ts"]);
    }

    [Fact]
    public async Task A_lost_artefact_post_is_adopted_and_still_pinned()
    {
        await using var host = await SlackHost.StartAsync();
        var messenger = Messenger(host);
        host.Api.LoseReplies["chat.postMessage"] = 1;
        await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(Channel, Canvas, null, new OutboxDelivery(9, TimeProvider.System.GetUtcNow(), false), CancellationToken.None));
        Assert.Empty(host.Api.Of("pins.add"));

        var ts = await messenger.DeliverAsync(Channel, Canvas, null, new OutboxDelivery(9, TimeProvider.System.GetUtcNow(), true), CancellationToken.None);

        Assert.Single(host.Api.Of("chat.postMessage"));
        Assert.Equal(ts, (string?)Assert.Single(host.Api.Of("pins.add")).Json!["timestamp"]);
    }

    [Fact]
    public async Task A_refused_connection_is_a_passing_failure_that_was_certainly_not_delivered()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["GtmBot:Slack:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/" });

        var e = await Assert.ThrowsAsync<DeliveryException>(() => Messenger(host).DeliverAsync(Channel, new Reply([new TextBlock("hi")], "hi"), null, CancellationToken.None));

        Assert.False(e.Permanent);
        Assert.False(e.Ambiguous);
        Assert.Contains("connection_failed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thread_reply_goes_to_the_thread()
    {
        await using var host = await SlackHost.StartAsync();
        await Messenger(host).DeliverAsync(Channel with { Thread = "9.9" }, new Reply([new TextBlock("hi")], "hi"), null, CancellationToken.None);
        Assert.Equal("9.9", (string?)Assert.Single(host.Api.Of("chat.postMessage")).Json!["thread_ts"]);
    }
}

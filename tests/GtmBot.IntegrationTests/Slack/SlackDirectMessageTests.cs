using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>
/// Direct messages through the real host's outbox to the loopback fake Slack: conversations.open, then one chat.postMessage
/// into the IM; refusals dead-lettered at once with Slack's error; outages and lost answers retried and reconciled.
/// </summary>
public sealed class SlackDirectMessageTests
{
    private const string Workspace = "T1";

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050",
        ["GtmBot:Delivery:RetryBaseDelay"] = "00:00:00.100",
        ["GtmBot:Delivery:RetryMaxDelay"] = "00:00:01",
        ["GtmBot:Delivery:DeliveryTimeout"] = "00:00:10",
    };

    private static async Task<SlackHost> StartAsync()
    {
        var host = await SlackHost.StartAsync(Fast);
        _ = host.Client; // starts the host and its dispatcher
        return host;
    }

    private static OutboundMessage Dm(string user, string text, string key, ReplyPlacement placement = ReplyPlacement.NewMessage, string? artefact = null) =>
        new(ConversationKey.Direct(Platforms.Slack, Workspace, user), new Reply([new TextBlock(text)], text, Placement: placement, ArtefactKey: artefact), key);

    private static Task EnqueueAsync(SlackHost host, OutboundMessage message) =>
        host.Factory.Services.GetRequiredService<IOutbox>().EnqueueAsync(message, CancellationToken.None);

    /// <summary>Waits until the message is no longer pending; returns its state.</summary>
    private static async Task<MessageDelivery> SettledAsync(SlackHost host, OutboundMessage message, int timeoutMs = 30_000)
    {
        var status = host.Factory.Services.GetRequiredService<IDeliveryStatus>();
        var deadline = Environment.TickCount64 + timeoutMs;
        MessageDelivery? state;
        while ((state = await status.StateAsync(message.Conversation, message.IdempotencyKey!, CancellationToken.None)) is null or { State: DeliveryState.Pending }
            && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(state);
        return state;
    }

    [Fact]
    public async Task A_direct_message_opens_the_im_and_posts_there_once()
    {
        await using var host = await StartAsync();
        var dm = Dm("U0SALES1", "Planned for Q3: scheduled backup — your quotes from Acme", "need:1:planned:U0SALES1");
        await EnqueueAsync(host, dm);

        var state = await SettledAsync(host, dm);

        Assert.Equal(DeliveryState.Delivered, state.State);
        var open = Assert.Single(host.Api.Of("conversations.open"));
        Assert.Equal("U0SALES1", open.Form("users"));
        Assert.Equal("Bearer " + SlackHost.BotToken, open.Authorization);
        var post = Assert.Single(host.Api.Of("chat.postMessage"));
        Assert.Equal(FakeSlackApi.DirectChannelOf("U0SALES1"), (string?)post.Json!["channel"]);
        var posted = Assert.Single(host.Api.MessagesIn(FakeSlackApi.DirectChannelOf("U0SALES1")));
        Assert.Contains("scheduled backup", (string?)posted["text"], StringComparison.Ordinal);
        Assert.Equal("gtmbot_outbox", (string?)posted["metadata"]?["event_type"]);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_delivers_once()
    {
        await using var host = await StartAsync();
        var dm = Dm("U0SALES2", "Shipped: CSV export", "need:2:shipped:U0SALES2");
        await EnqueueAsync(host, dm);
        await EnqueueAsync(host, dm with { Reply = new Reply([new TextBlock("again")], "again") });

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(host, dm)).State);
        await Task.Delay(500); // a second row, had there been one, is due within this

        Assert.Single(host.Api.MessagesIn(FakeSlackApi.DirectChannelOf("U0SALES2")));
        Assert.Single(host.Api.Of("chat.postMessage"));
    }

    [Fact]
    public async Task A_second_message_to_the_same_person_reuses_the_opened_im()
    {
        await using var host = await StartAsync();
        var first = Dm("U0SALES3", "first", "a");
        var second = Dm("U0SALES3", "second", "b");
        await EnqueueAsync(host, first);
        await EnqueueAsync(host, second);

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(host, first)).State);
        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(host, second)).State);

        Assert.Single(host.Api.Of("conversations.open"));
        Assert.Equal(["first", "second"], host.Api.MessagesIn(FakeSlackApi.DirectChannelOf("U0SALES3")).Select(m => (string?)m["text"]));
    }

    [Theory]
    [InlineData("user_not_found")]
    [InlineData("user_disabled")]
    [InlineData("cannot_dm_bot")]
    [InlineData("missing_scope")]
    public async Task A_refused_direct_message_is_dead_lettered_with_slacks_error_after_one_attempt(string error)
    {
        await using var host = await StartAsync();
        host.Api.DirectRefusals["U0GONE"] = error;
        var dm = Dm("U0GONE", "Won't do: SSO for contractors", "need:3:wontdo:U0GONE");
        await EnqueueAsync(host, dm);

        var state = await SettledAsync(host, dm);
        await Task.Delay(700); // several poll rounds: a retry would show as a second call

        Assert.Equal(DeliveryState.Dead, state.State);
        Assert.Equal(1, state.Attempts);
        Assert.Contains(error, state.LastError, StringComparison.Ordinal);
        Assert.Single(host.Api.Of("conversations.open"));
        Assert.Empty(host.Api.Of("chat.postMessage"));
        Assert.Equal(DeliveryState.Dead, (await SettledAsync(host, dm)).State);
    }

    [Fact]
    public async Task A_refused_direct_message_raises_no_alert_anywhere()
    {
        await using var host = await StartAsync();
        host.Api.DirectRefusals["U0GONE"] = "user_not_found";
        var dm = Dm("U0GONE", "In progress: audit log", "need:4:inprogress:U0GONE");
        await EnqueueAsync(host, dm);
        await SettledAsync(host, dm);
        await Task.Delay(500);

        var counts = await host.Factory.Services.GetRequiredService<IDeliveryStatus>().CountAsync($"{Platforms.Slack}:{Workspace}", CancellationToken.None);
        Assert.Equal(new OutboxCounts(0, 1), counts);
        Assert.Empty(host.Api.Posted);
    }

    [Fact]
    public async Task An_outage_is_retried_and_the_message_then_delivered_once()
    {
        await using var host = await StartAsync();
        host.Api.Down = true;
        var dm = Dm("U0SALES4", "Under review: offline mode", "need:5:review:U0SALES4");
        await EnqueueAsync(host, dm);

        var deadline = Environment.TickCount64 + 20_000;
        while (host.Api.Of("conversations.open").Count < 4 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
        }

        var status = host.Factory.Services.GetRequiredService<IDeliveryStatus>();
        var during = await status.StateAsync(dm.Conversation, dm.IdempotencyKey!, CancellationToken.None);
        Assert.Equal(DeliveryState.Pending, during!.State);
        Assert.Empty(host.Api.Posted);

        host.Api.Down = false;
        var state = await SettledAsync(host, dm);

        Assert.Equal(DeliveryState.Delivered, state.State);
        Assert.True(state.Attempts >= 1, "the outage counted as failed attempts");
        Assert.Single(host.Api.MessagesIn(FakeSlackApi.DirectChannelOf("U0SALES4")));
    }

    [Fact]
    public async Task A_lost_answer_after_the_post_is_reconciled_in_the_im_not_posted_twice()
    {
        await using var host = await StartAsync();
        host.Api.LoseReplies["chat.postMessage"] = 1;
        var dm = Dm("U0SALES5", "Planned: bulk edit", "need:6:planned:U0SALES5");
        await EnqueueAsync(host, dm);

        var state = await SettledAsync(host, dm);

        Assert.Equal(DeliveryState.Delivered, state.State);
        Assert.Single(host.Api.MessagesIn(FakeSlackApi.DirectChannelOf("U0SALES5")));
        var history = Assert.Single(host.Api.Of("conversations.history"));
        Assert.Equal(FakeSlackApi.DirectChannelOf("U0SALES5"), history.Form("channel"));
    }

    [Fact]
    public async Task An_artefact_sent_to_a_person_is_an_ordinary_post_not_pinned()
    {
        await using var host = await StartAsync();
        var dm = Dm("U0SALES6", "need card", "need:7:card:U0SALES6", ReplyPlacement.Artefact, "need:7");
        await EnqueueAsync(host, dm);

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(host, dm)).State);
        Assert.Single(host.Api.MessagesIn(FakeSlackApi.DirectChannelOf("U0SALES6")));
        Assert.Empty(host.Api.Of("pins.add"));
        Assert.Empty(host.Api.Of("chat.update"));
    }
}

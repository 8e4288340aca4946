using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.IntegrationTests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Faults;

/// <summary>
/// The outbox against a loopback fake Slack that goes down, throttles, or loses replies after storing the message: every
/// message arrives, none twice. The long versions (a 60 s outage) are in bench/faults.
/// </summary>
public sealed class SlackDeliveryFaultTests
{
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

    private static async Task EnqueueAsync(SlackHost host, int count)
    {
        var outbox = host.Factory.Services.GetRequiredService<IOutbox>();
        for (var i = 0; i < count; i++)
        {
            var text = $"weekly digest {i}";
            await outbox.EnqueueAsync(new OutboundMessage(new ConversationKey(Platforms.Slack, "T1", $"C{i:00}"), new Reply([new TextBlock(text)], text), $"digest:{i}"), CancellationToken.None);
        }
    }

    private static async Task<OutboxCounts> WaitDeliveredAsync(SlackHost host, TimeSpan timeout)
    {
        var status = host.Factory.Services.GetRequiredService<IDeliveryStatus>();
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        OutboxCounts counts;
        while ((counts = await status.CountAsync(null, CancellationToken.None)).Pending > 0 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(100);
        }

        return counts;
    }

    /// <summary>Messages in the fake Slack per outbox id: each must be there exactly once.</summary>
    private static Dictionary<string, int> PostedPerOutboxId(SlackHost host) =>
        host.Api.Posted.Values.SelectMany(q => q)
            .Select(m => (string?)m["metadata"]?["event_payload"]?["id"])
            .GroupBy(id => id ?? "(untagged)")
            .ToDictionary(g => g.Key, g => g.Count());

    private static void AssertEachOnce(SlackHost host, int expected)
    {
        var posted = PostedPerOutboxId(host);
        Assert.Equal(expected, posted.Count);
        Assert.All(posted, kv => Assert.True(kv.Value == 1, $"outbox row {kv.Key} posted {kv.Value} times"));
        Assert.DoesNotContain("(untagged)", posted.Keys);
    }

    [Fact]
    public async Task An_outage_loses_nothing_and_duplicates_nothing()
    {
        // 3 s here; bench/faults/run.sh sets GTMBOT_FAULT_OUTAGE_SECONDS=60.
        var outage = int.TryParse(Environment.GetEnvironmentVariable("GTMBOT_FAULT_OUTAGE_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3;
        await using var host = await StartAsync();
        host.Api.Down = true;
        await EnqueueAsync(host, 20);
        await Task.Delay(TimeSpan.FromSeconds(outage));
        Assert.Empty(host.Api.Posted);
        Assert.NotEmpty(host.Api.Of("chat.postMessage")); // it kept trying

        host.Api.Down = false;
        var counts = await WaitDeliveredAsync(host, TimeSpan.FromSeconds(60));

        Assert.Equal(new OutboxCounts(0, 0), counts);
        AssertEachOnce(host, 20);
    }

    [Fact]
    public async Task A_429_storm_delays_but_loses_and_duplicates_nothing()
    {
        await using var host = await StartAsync();
        for (var i = 0; i < 40; i++)
        {
            host.Api.Script("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: 1);
        }

        await EnqueueAsync(host, 10);
        var counts = await WaitDeliveredAsync(host, TimeSpan.FromSeconds(90));

        Assert.Equal(new OutboxCounts(0, 0), counts);
        AssertEachOnce(host, 10);
        Assert.True(host.Api.Of("chat.postMessage").Count >= 50, "the storm was met");
    }

    [Fact]
    public async Task Replies_lost_after_the_message_was_stored_are_reconciled_not_re_sent()
    {
        await using var host = await StartAsync();
        host.Api.LoseReplies["chat.postMessage"] = 6;
        await EnqueueAsync(host, 10);
        var counts = await WaitDeliveredAsync(host, TimeSpan.FromSeconds(60));

        Assert.Equal(new OutboxCounts(0, 0), counts);
        AssertEachOnce(host, 10);
        Assert.Equal(0, host.Api.LoseReplies["chat.postMessage"]);
        Assert.True(host.Api.Of("conversations.history").Count >= 6, "lost replies were looked up");
    }
}

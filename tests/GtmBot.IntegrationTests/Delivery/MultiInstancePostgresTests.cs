using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.IntegrationTests.Delivery;

/// <summary>Several instances on one real PostgreSQL database: claims with leases deliver each message exactly once.</summary>
public sealed class MultiInstancePostgresTests
{
    private static Dictionary<string, string?> Fast(string lease = "00:00:30") => new()
    {
        ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050",
        ["GtmBot:Delivery:SchedulerPollInterval"] = "00:00:00.050",
        ["GtmBot:Delivery:LeaseDuration"] = lease,
        ["GtmBot:Delivery:BatchSize"] = "20",
    };

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!done())
        {
            await Task.Delay(50, cts.Token);
        }
    }

    [Fact]
    public async Task Two_hosts_deliver_each_of_200_due_reminders_exactly_once()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var slackA = new RecordingMessenger(Platforms.Slack);
        var slackB = new RecordingMessenger(Platforms.Slack);
        var channels = Enumerable.Range(0, 200).Select(i => new ConversationKey(Platforms.Slack, "T1", $"C{i:000}")).ToList();

        // Schema and 200 reminders that are already due, written before either instance runs.
        await using (var setup = await DeliveryHost.StartAsync(db.Settings(new Dictionary<string, string?> { ["GtmBot:Delivery:Enabled"] = "false" }), []))
        {
            var store = setup.Get<IReminderStore>();
            var schedule = new WeeklySchedule(DayOfWeek.Monday, 9, 0, "UTC");
            var due = TimeProvider.System.GetUtcNow().AddMinutes(-1);
            foreach (var channel in channels)
            {
                await store.SetAsync(channel, schedule, due, "U1", CancellationToken.None);
            }
        }

        var hosts = await Task.WhenAll(
            DeliveryHost.StartAsync(db.Settings(Fast()), [slackA]),
            DeliveryHost.StartAsync(db.Settings(Fast()), [slackB]));
        try
        {
            await WaitUntilAsync(() => slackA.Deliveries.Count + slackB.Deliveries.Count >= 200, TimeSpan.FromSeconds(90));
            await Task.Delay(1000); // anything delivered twice would show up now
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        var all = slackA.Deliveries.Concat(slackB.Deliveries).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(channels.Select(c => c.Channel).Order(), all.Select(d => d.Conversation.Channel).Order());
    }

    [Fact]
    public async Task Messages_claimed_by_a_host_that_dies_before_sending_are_delivered_once_after_its_lease_expires()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var stalled = new RecordingMessenger(Platforms.Slack);
        var claimedBeforeDeath = 0;
        stalled.Behaviour = async (_, _, ct) =>
        {
            Interlocked.Increment(ref claimedBeforeDeath);
            await Task.Delay(Timeout.Infinite, ct);
        };
        var channels = Enumerable.Range(0, 5).Select(i => new ConversationKey(Platforms.Slack, "T1", $"K{i}")).ToList();

        await using (var setup = await DeliveryHost.StartAsync(db.Settings(new Dictionary<string, string?> { ["GtmBot:Delivery:Enabled"] = "false" }), []))
        {
            foreach (var channel in channels)
            {
                await setup.Get<IOutbox>().EnqueueAsync(new OutboundMessage(channel, new Reply([new TextBlock("hi")], "hi")), CancellationToken.None);
            }
        }

        var dying = await DeliveryHost.StartAsync(db.Settings(Fast(lease: "00:00:03")), [stalled]);

        await WaitUntilAsync(() => Volatile.Read(ref claimedBeforeDeath) == 5, TimeSpan.FromSeconds(30));
        await dying.DisposeAsync();

        var survivor = new RecordingMessenger(Platforms.Slack);
        await using (var next = await DeliveryHost.StartAsync(db.Settings(Fast(lease: "00:00:03")), [survivor]))
        {
            await WaitUntilAsync(() => survivor.Deliveries.Count >= 5, TimeSpan.FromSeconds(30));
            await Task.Delay(500);

            await using var ctx = next.Get<IGtmDbFactory>().Create();
            var rows = await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.WorkspaceKey == "slack:T1").ToListAsync();
            Assert.All(rows, r => Assert.NotNull(r.DeliveredAtMs));
        }

        Assert.Empty(stalled.Deliveries);
        Assert.Equal(channels.Select(c => c.Channel).Order(), survivor.Deliveries.Select(d => d.Conversation.Channel).Order());
    }

    [Fact]
    public async Task A_429_storm_across_two_hosts_loses_nothing_and_duplicates_nothing()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var throttles = 0;
        Func<ConversationKey, Reply, CancellationToken, Task> storm = (_, _, _) =>
            Interlocked.Increment(ref throttles) <= 60
                ? throw new DeliveryException("ratelimited", permanent: false, TimeSpan.FromMilliseconds(300))
                : Task.CompletedTask;
        var slackA = new RecordingMessenger(Platforms.Slack) { Behaviour = storm };
        var slackB = new RecordingMessenger(Platforms.Slack) { Behaviour = storm };
        DeliveryHost[] hosts = [await DeliveryHost.StartAsync(db.Settings(Fast()), [slackA]), await DeliveryHost.StartAsync(db.Settings(Fast()), [slackB])];
        try
        {
            for (var i = 0; i < 30; i++)
            {
                await hosts[i % 2].Get<IOutbox>().EnqueueAsync(
                    new OutboundMessage(new ConversationKey(Platforms.Slack, "T1", $"S{i}"), new Reply([new TextBlock("hi")], "hi")), CancellationToken.None);
            }

            await WaitUntilAsync(() => slackA.Deliveries.Count + slackB.Deliveries.Count >= 30, TimeSpan.FromSeconds(60));
            await Task.Delay(500);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        Assert.True(throttles >= 60);
        var all = slackA.Deliveries.Concat(slackB.Deliveries).Select(d => d.Conversation.Channel).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
    }
}

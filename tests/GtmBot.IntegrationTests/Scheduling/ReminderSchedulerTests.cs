using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;
using GtmBot.IntegrationTests.Delivery;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.IntegrationTests.Scheduling;

/// <summary>The scheduler on SQLite with a fake clock: DST, misfires, double fires, the digest.</summary>
public sealed class ReminderSchedulerTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");
    private static readonly WeeklySchedule MondayNineNewYork = new(DayOfWeek.Monday, 9, 0, "America/New_York");

    // Sunday 1 March 2026; US daylight saving time starts Sunday 8 March and ends Sunday 1 November 2026.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingMessenger _slack = new(Platforms.Slack);
    private DeliveryHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DeliveryHost.StartAsync(null, [_slack], _clock);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task SetAsync(WeeklySchedule schedule) =>
        await _host.Get<IReminderStore>().SetAsync(Channel, schedule, schedule.NextAfter(_clock.GetUtcNow()), "U1", CancellationToken.None);

    private async Task<DateTimeOffset?> NextRunAsync() => (await _host.Get<IReminderStore>().GetAsync(Channel, CancellationToken.None))!.NextRun;

    private async Task<List<OutboxEntity>> OutboxAsync()
    {
        await using var ctx = _host.Get<IGtmDbFactory>().Create();
        return await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.WorkspaceKey == Channel.WorkspaceKey && o.Channel == Channel.Channel).ToListAsync();
    }

    private void MoveTo(DateTimeOffset when) => _clock.SetUtcNow(when);

    [Fact]
    public async Task Monday_nine_in_New_York_fires_at_nine_local_on_both_sides_of_the_spring_change()
    {
        await SetAsync(MondayNineNewYork);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero), await NextRunAsync()); // 09:00 EST

        MoveTo(new DateTimeOffset(2026, 3, 2, 13, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await _host.Scheduler.RunOnceAsync(CancellationToken.None));

        MoveTo(new DateTimeOffset(2026, 3, 2, 14, 0, 5, TimeSpan.Zero));
        Assert.Equal(1, await _host.Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), await NextRunAsync()); // 09:00 EDT

        MoveTo(new DateTimeOffset(2026, 3, 9, 13, 0, 1, TimeSpan.Zero));
        Assert.Equal(1, await _host.Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task Monday_nine_in_New_York_fires_at_nine_local_on_both_sides_of_the_autumn_change()
    {
        MoveTo(new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero));
        await SetAsync(MondayNineNewYork);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 13, 0, 0, TimeSpan.Zero), await NextRunAsync()); // EDT

        MoveTo(new DateTimeOffset(2026, 10, 26, 13, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await _host.Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero), await NextRunAsync()); // EST
    }

    [Fact]
    public async Task After_three_weeks_of_downtime_a_missed_reminder_fires_once()
    {
        await SetAsync(MondayNineNewYork);
        MoveTo(new DateTimeOffset(2026, 3, 25, 10, 0, 0, TimeSpan.Zero)); // Wednesday, three Mondays missed

        Assert.Equal(1, await _host.Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _host.Scheduler.RunOnceAsync(CancellationToken.None));

        Assert.Single(await OutboxAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 13, 0, 0, TimeSpan.Zero), await NextRunAsync());
    }

    [Fact]
    public async Task A_reminder_fired_twice_after_a_lost_lease_posts_once()
    {
        await SetAsync(MondayNineNewYork);
        MoveTo(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        var store = _host.Get<Storage.Reminders.ReminderStore>();

        // An instance claims the occurrence, enqueues the digest and dies before moving the reminder on.
        var due = Assert.Single(await store.ClaimDueAsync("crashed", TimeSpan.FromMinutes(2), 10, CancellationToken.None));
        await _host.Get<IOutbox>().EnqueueAsync(
            new OutboundMessage(Channel, new Reply([new TextBlock("digest")], "digest"), Host.Scheduling.ReminderScheduler.IdempotencyKey(due.Id, due.Occurrence)),
            CancellationToken.None);
        Assert.Equal(0, await _host.Scheduler.RunOnceAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await _host.Scheduler.RunOnceAsync(CancellationToken.None));

        Assert.Single(await OutboxAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), await NextRunAsync());
    }

    [Fact]
    public async Task The_digest_lists_contributors_in_order_in_the_channel_language_and_is_delivered()
    {
        await _host.Get<ISettingsStore>().SetWorkspaceLanguageAsync(Channel.WorkspaceKey, Lang.Zh, CancellationToken.None);
        await SetAsync(MondayNineNewYork);
        MoveTo(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        await _host.Scheduler.RunOnceAsync(CancellationToken.None);
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);

        var delivered = Assert.Single(_slack.Deliveries);
        Assert.Equal(Channel, delivered.Conversation);
        Assert.Equal(ReminderStrings.AllUpToDate.Zh, delivered.Reply.Text);
        var buttons = delivered.Reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).Select(b => b.ActionId).ToList();
        Assert.Contains(Engine.Flows.ReminderFlow.Actions.Snooze, buttons);
        Assert.Contains(Engine.Flows.ReminderFlow.Actions.Skip, buttons);
    }

    [Fact]
    public async Task A_disabled_reminder_does_not_fire()
    {
        await SetAsync(MondayNineNewYork);
        await _host.Get<IReminderStore>().DisableAsync(Channel, "off", CancellationToken.None);
        MoveTo(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await _host.Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await OutboxAsync());
    }
}

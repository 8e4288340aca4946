using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.IntegrationTests.Delivery;

/// <summary>The dispatcher on SQLite with a fake clock: each round is run by hand.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private static readonly ConversationKey General = new(Platforms.Slack, "T1", "C1");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingMessenger _slack = new(Platforms.Slack) { Pacing = TimeSpan.FromSeconds(1) };
    private DeliveryHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DeliveryHost.StartAsync(null, [_slack], _clock);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static Reply Text(string text) => new([new TextBlock(text)], text);

    private static Reply Artefact(string text) => new([new TextBlock(text)], text, Placement: ReplyPlacement.Artefact, ArtefactKey: "canvas:default");

    private Task EnqueueAsync(ConversationKey to, Reply reply, string? key = null) =>
        _host.Get<IOutbox>().EnqueueAsync(new OutboundMessage(to, reply, key), CancellationToken.None);

    private async Task<List<OutboxEntity>> RowsAsync()
    {
        await using var ctx = _host.Get<IGtmDbFactory>().Create();
        return await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.WorkspaceKey == General.WorkspaceKey).OrderBy(o => o.Id).ToListAsync();
    }

    /// <summary>Runs dispatcher rounds, moving the clock, until nothing is due or the round limit is hit.</summary>
    private async Task DrainAsync(int rounds = 200, TimeSpan? step = null)
    {
        for (var i = 0; i < rounds; i++)
        {
            await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
            var rows = await RowsAsync();
            if (rows.All(r => r.DeliveredAtMs != null || r.DeadLettered))
            {
                return;
            }

            _clock.Advance(step ?? TimeSpan.FromMilliseconds(500));
        }
    }

    [Fact]
    public async Task A_message_is_delivered_once_and_its_platform_id_recorded()
    {
        await EnqueueAsync(General, Text("hello"));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);

        var delivery = Assert.Single(_slack.Deliveries);
        Assert.Equal("hello", delivery.Reply.Text);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(delivery.MessageId, row.PlatformMessageId);
        Assert.NotNull(row.DeliveredAtMs);
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task A_channel_keeps_the_pace_its_messenger_declares()
    {
        await EnqueueAsync(General, Text("one"));
        await EnqueueAsync(General, Text("two"));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["one"], _slack.Deliveries.Select(d => d.Reply.Text));

        _clock.Advance(TimeSpan.FromMilliseconds(900));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["one"], _slack.Deliveries.Select(d => d.Reply.Text));

        _clock.Advance(TimeSpan.FromMilliseconds(200));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["one", "two"], _slack.Deliveries.Select(d => d.Reply.Text));
    }

    [Fact]
    public async Task The_same_idempotency_key_is_enqueued_once()
    {
        await EnqueueAsync(General, Text("digest"), "reminder:1:100");
        await EnqueueAsync(General, Text("digest again"), "reminder:1:100");
        Assert.Single(await RowsAsync());
    }

    [Fact]
    public async Task A_429_storm_delays_delivery_and_loses_nothing()
    {
        var throttled = 0;
        _slack.Behaviour = (_, _, _) =>
            Interlocked.Increment(ref throttled) <= 40
                ? throw new DeliveryException("ratelimited", permanent: false, TimeSpan.FromSeconds(2))
                : Task.CompletedTask;
        var channels = Enumerable.Range(1, 10).Select(i => General with { Channel = $"C{i}" }).ToList();
        foreach (var channel in channels)
        {
            await EnqueueAsync(channel, Text("reminder " + channel.Channel));
        }

        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_slack.Deliveries);
        var early = await RowsAsync();
        Assert.All(early, r => Assert.True(r.NextAttemptAtMs >= _clock.GetUtcNow().AddSeconds(2).ToUnixTimeMilliseconds(), "Retry-After honoured"));

        await DrainAsync();

        Assert.Equal(channels.Select(c => c.Channel).Order(), _slack.Deliveries.Select(d => d.Conversation.Channel).Order());
        var rows = await RowsAsync();
        Assert.All(rows, r => Assert.False(r.DeadLettered));
        Assert.True(rows.Sum(r => r.Throttles) >= 40);
    }

    [Fact]
    public async Task Transient_failures_are_retried_for_the_retry_window_then_dead_lettered_with_an_alert_in_the_channel()
    {
        var start = _clock.GetUtcNow();
        _slack.Behaviour = (_, reply, _) => reply.Text == "doomed" ? throw new DeliveryException("internal_error", permanent: false) : Task.CompletedTask;
        await EnqueueAsync(General, Text("doomed"));

        // Ten hours in, it is still being tried.
        await DrainAsync(rounds: 30, step: TimeSpan.FromMinutes(20));
        Assert.False(Assert.Single(await RowsAsync()).DeadLettered);
        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromHours(9));

        await DrainAsync(rounds: 200, step: TimeSpan.FromMinutes(20));

        var rows = await RowsAsync();
        var row = rows[0];
        Assert.True(row.DeadLettered);
        Assert.True(row.Attempts >= 20, $"retried {row.Attempts} times");
        Assert.Equal("internal_error", row.LastError);
        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromHours(23), "retried for about a day, not minutes");
        var alert = Assert.Single(rows, r => r.IdempotencyKey == $"deadletter:{row.Id}");
        Assert.NotNull(alert.DeliveredAtMs);
        var posted = Assert.Single(_slack.Deliveries);
        Assert.Equal(General, posted.Conversation);
        Assert.Contains("could not be delivered", posted.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("/gtm admin deliveries", posted.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_letter_alert_is_in_the_workspace_language()
    {
        await _host.Get<ISettingsStore>().SetWorkspaceLanguageAsync(General.WorkspaceKey, Lang.Zh, CancellationToken.None);
        _slack.Behaviour = (_, reply, _) => reply.Text == "bad" ? throw new DeliveryException("invalid_blocks", permanent: true) : Task.CompletedTask;
        await EnqueueAsync(General, Text("bad"));
        await DrainAsync(rounds: 5, step: TimeSpan.FromSeconds(2));

        Assert.Contains("未能送达", Assert.Single(_slack.Deliveries).Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_that_cannot_be_delivered_raises_no_alert_of_its_own()
    {
        _slack.Behaviour = (_, _, _) => throw new DeliveryException("invalid_blocks", permanent: true);
        await EnqueueAsync(General, Text("bad"));
        await DrainAsync(rounds: 5, step: TimeSpan.FromSeconds(2));

        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(r.DeadLettered));
    }

    [Fact]
    public async Task After_an_ambiguous_failure_the_next_attempt_is_told_to_reconcile()
    {
        var first = true;
        _slack.Behaviour = (_, _, _) =>
        {
            if (first)
            {
                first = false;
                throw new DeliveryException("reply lost", permanent: false) { Ambiguous = true };
            }

            return Task.CompletedTask;
        };
        await EnqueueAsync(General, Text("maybe"));
        await DrainAsync(step: TimeSpan.FromMinutes(1));

        var attempts = _slack.Attempts.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.False(attempts[0].MayHaveBeenSent);
        Assert.True(attempts[1].MayHaveBeenSent);
        Assert.Equal(attempts[0].OutboxId, attempts[1].OutboxId);
        Assert.Single(_slack.Deliveries);
    }

    [Fact]
    public async Task A_row_whose_lease_ran_out_mid_delivery_is_reconciled_on_the_next_claim()
    {
        await EnqueueAsync(General, Text("crash"));
        var outbox = _host.Get<OutboxStore>();
        var claimed = Assert.Single(await outbox.ClaimAsync("dead-instance", TimeSpan.FromSeconds(5), 10, CancellationToken.None));
        Assert.False(claimed.Unsure);

        _clock.Advance(TimeSpan.FromSeconds(6));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.True(Assert.Single(_slack.Attempts).MayHaveBeenSent);
    }

    [Fact]
    public async Task The_health_and_admin_counts_see_pending_and_dead_rows()
    {
        _slack.Behaviour = (_, reply, _) => reply.Text == "bad" ? throw new DeliveryException("invalid_blocks", permanent: true) : Task.CompletedTask;
        await EnqueueAsync(General, Text("bad"));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        await EnqueueAsync(General with { Channel = "C9" }, Text("later"));

        var counts = await _host.Get<IDeliveryStatus>().CountAsync(General.WorkspaceKey, CancellationToken.None);
        Assert.Equal(1, counts.Dead);
        Assert.Equal(2, counts.Pending); // the alert and the new message
        var dead = Assert.Single(await _host.Get<IDeliveryStatus>().DeadLettersAsync(General.WorkspaceKey, 10, CancellationToken.None));
        Assert.Equal("invalid_blocks", dead.LastError);
        Assert.Equal("C1", dead.Channel);
    }

    [Fact]
    public async Task A_permanent_refusal_goes_to_the_dead_letter_at_once()
    {
        _slack.Behaviour = (_, _, _) => throw new DeliveryException("invalid_blocks", permanent: true);
        await EnqueueAsync(General, Text("bad"));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);

        var rows = await RowsAsync();
        var row = rows[0];
        Assert.True(row.DeadLettered);
        Assert.Equal(1, row.Attempts);
        Assert.Equal($"deadletter:{row.Id}", rows[1].IdempotencyKey);
    }

    [Fact]
    public async Task A_channel_the_bot_lost_gets_its_reminder_disabled_not_retried()
    {
        var reminders = _host.Get<IReminderStore>();
        var schedule = new WeeklySchedule(DayOfWeek.Monday, 9, 0, "UTC");
        await reminders.SetAsync(General, schedule, schedule.NextAfter(_clock.GetUtcNow()), "U1", CancellationToken.None);
        var calls = 0;
        _slack.Behaviour = (_, _, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new DeliveryException("channel_not_found", permanent: true) { ConversationGone = true };
        };
        await EnqueueAsync(General, Text("weekly digest"), "reminder:1:1");

        await DrainAsync(rounds: 5, step: TimeSpan.FromMinutes(30));

        Assert.Equal(1, calls);
        Assert.True(Assert.Single(await RowsAsync()).DeadLettered);
        var info = await reminders.GetAsync(General, CancellationToken.None);
        Assert.NotNull(info);
        Assert.False(info.Enabled);
        Assert.Null(info.NextRun);
        Assert.Contains("no longer post", info.DisabledReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Artefact_updates_edit_the_same_platform_message()
    {
        await EnqueueAsync(General, Artefact("v1"));
        await DrainAsync();
        await EnqueueAsync(General, Artefact("v2"));
        await DrainAsync(step: TimeSpan.FromSeconds(2));

        var deliveries = _slack.Deliveries.ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.Null(deliveries[0].ExistingMessageId);
        Assert.Equal(deliveries[0].MessageId, deliveries[1].ExistingMessageId);
        Assert.Equal("v2", deliveries[1].Reply.Text);
    }

    [Fact]
    public async Task Pending_artefact_updates_coalesce_to_the_newest()
    {
        await EnqueueAsync(General, Artefact("v1"));
        await EnqueueAsync(General, Artefact("v2"));
        await EnqueueAsync(General, Artefact("v3"));
        await DrainAsync(step: TimeSpan.FromSeconds(2));

        var delivery = Assert.Single(_slack.Deliveries);
        Assert.Equal("v3", delivery.Reply.Text);
        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count(r => r.Superseded));
        Assert.All(rows, r => Assert.NotNull(r.DeliveredAtMs));
    }

    [Fact]
    public async Task A_deleted_artefact_message_is_posted_anew()
    {
        await EnqueueAsync(General, Artefact("v1"));
        await DrainAsync();
        var first = Assert.Single(_slack.Deliveries).MessageId;
        _slack.Behaviour = (_, _, _) =>
        {
            _slack.Behaviour = null;
            throw new DeliveryException("message_not_found", permanent: true) { MessageGone = true };
        };
        await EnqueueAsync(General, Artefact("v2"));
        await DrainAsync(step: TimeSpan.FromSeconds(2));

        var last = _slack.Deliveries.Last();
        Assert.Null(last.ExistingMessageId);
        Assert.NotEqual(first, last.MessageId);

        await EnqueueAsync(General, Artefact("v3"));
        await DrainAsync(step: TimeSpan.FromSeconds(2));
        Assert.Equal(last.MessageId, _slack.Deliveries.Last().ExistingMessageId);
    }

    [Fact]
    public async Task Messages_to_one_slack_channel_keep_one_second_apart()
    {
        for (var i = 0; i < 3; i++)
        {
            await EnqueueAsync(General, Text($"m{i}"));
        }

        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Single(_slack.Deliveries);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Single(_slack.Deliveries);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        await _host.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, _slack.Deliveries.Count);
        await DrainAsync(step: TimeSpan.FromSeconds(1.1));
        Assert.Equal(["m0", "m1", "m2"], _slack.Deliveries.Select(d => d.Reply.Text));
    }
}

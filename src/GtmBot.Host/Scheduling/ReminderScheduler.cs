using System.Globalization;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;
using GtmBot.Host.Delivery;
using GtmBot.Storage.Delivery;
using GtmBot.Storage.Reminders;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Scheduling;

/// <summary>
/// Fires the weekly reminders: claims due ones in the database with a lease, composes the digest in the channel's language,
/// puts it in the outbox under the key "reminder id + occurrence" (so a double fire cannot double-post), and moves the reminder
/// to its next occurrence after now — a reminder missed during downtime fires once, not once per missed week.
/// </summary>
internal sealed class ReminderScheduler(
    ReminderStore reminders,
    OutboxStore outbox,
    DigestComposer digest,
    ISettingsStore settings,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>This instance's name on the leases it holds.</summary>
    public string Owner { get; } = $"schedule:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        Log.ReminderSchedulerStarted(logger, Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ReminderSchedulerLoopFailed(logger, e);
            }

            if (claimed < _options.BatchSize)
            {
                await Task.Delay(_options.SchedulerPollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// One round: claim the due reminders, compose their digests, enqueue them in one batch, then move each reminder on.
    /// Returns how many were claimed.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await reminders.ClaimDueAsync(Owner, _options.LeaseDuration, _options.BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        // The digest speaks the channel's language (`/gtm lang zh channel`), else the workspace's.
        var languages = new Dictionary<ConversationKey, Lang>();
        foreach (var channel in due.Select(d => d.Channel).Distinct())
        {
            languages[channel] = await settings.GetChannelLanguageAsync(channel, cancellationToken)
                ?? await settings.GetWorkspaceLanguageAsync(channel.WorkspaceKey, cancellationToken) ?? Lang.En;
        }

        var composed = new OutboundMessage?[due.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelDeliveries, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var d = due[i];
                try
                {
                    var reply = await digest.ComposeAsync(d.Channel, languages[d.Channel], d.LastRun ?? d.Occurrence.AddDays(-7), now, d.SkipReason, preview: false, ct);
                    composed[i] = new OutboundMessage(d.Channel, reply, IdempotencyKey(d.Id, d.Occurrence));
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Left leased: the lease expires and the next round tries this one again.
                    Log.ReminderFailed(logger, d.Id, e);
                }
            });

        await outbox.EnqueueManyAsync([.. composed.OfType<OutboundMessage>()], cancellationToken);
        var fired = Enumerable.Range(0, due.Count)
            .Where(i => composed[i] is not null)
            .Select(i => (Due: due[i], Next: due[i].Schedule.NextAfter(now > due[i].Occurrence ? now : due[i].Occurrence)))
            .ToList();
        await reminders.AdvanceManyAsync(fired, Owner, cancellationToken);
        foreach (var (d, next) in fired)
        {
            Log.ReminderFired(logger, d.Id, d.Channel.Platform, d.Channel.Channel, d.Occurrence, next);
        }

        return due.Count;
    }

    /// <summary>The outbox key of one occurrence of one reminder.</summary>
    public static string IdempotencyKey(long reminderId, DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{reminderId}:{occurrence.ToUnixTimeMilliseconds()}");
}

using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;
using GtmBot.Host.Delivery;
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
    IOutbox outbox,
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

        DeliveryLog.SchedulerStarted(logger, Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                DeliveryLog.SchedulerLoopFailed(logger, e);
            }

            if (claimed < _options.BatchSize)
            {
                await Task.Delay(_options.SchedulerPollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round: claim the due reminders and fire them. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await reminders.ClaimDueAsync(Owner, _options.LeaseDuration, _options.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelDeliveries, CancellationToken = cancellationToken },
            async (reminder, ct) =>
            {
                try
                {
                    await FireAsync(reminder, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    DeliveryLog.ReminderFailed(logger, reminder.Id, e);
                }
            });
        return due.Count;
    }

    /// <summary>The outbox key of one occurrence of one reminder.</summary>
    public static string IdempotencyKey(long reminderId, DateTimeOffset occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{reminderId}:{occurrence.ToUnixTimeMilliseconds()}");

    private async Task FireAsync(DueReminder due, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lang = await settings.GetWorkspaceLanguageAsync(due.Channel.WorkspaceKey, cancellationToken) ?? Lang.En;
        var since = due.LastRun ?? due.Occurrence.AddDays(-7);
        var reply = await digest.ComposeAsync(due.Channel, lang, since, now, due.SkipReason, preview: false, cancellationToken);
        await outbox.EnqueueAsync(new OutboundMessage(due.Channel, reply, IdempotencyKey(due.Id, due.Occurrence)), cancellationToken);
        var next = due.Schedule.NextAfter(now > due.Occurrence ? now : due.Occurrence);
        await reminders.AdvanceAsync(due, Owner, next, cancellationToken);
        DeliveryLog.ReminderFired(logger, due.Id, due.Channel.Platform, due.Channel.Channel, due.Occurrence, next);
    }
}

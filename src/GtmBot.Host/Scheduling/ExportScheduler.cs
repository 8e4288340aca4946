using System.Globalization;
using GtmBot.Engine.DataOut;
using GtmBot.Host.Api;
using GtmBot.Host.Delivery;
using GtmBot.Storage.DataOut;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Scheduling;

/// <summary>
/// Fires the weekly exports like the reminders: claims due schedules with a lease, runs the export into the outbox under the
/// key "schedule id + occurrence" (a double fire posts once), and moves the schedule to its next occurrence after now.
/// </summary>
internal sealed class ExportScheduler(
    ExportStore schedules,
    ExportService exports,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<ExportScheduler> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value;

    public string Owner { get; } = $"exports:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        Log.ExportSchedulerStarted(logger, Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ExportSchedulerLoopFailed(logger, e);
            }

            if (claimed < _options.BatchSize)
            {
                await Task.Delay(_options.SchedulerPollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round: claim the due schedules and export each. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await schedules.ClaimDueAsync(Owner, _options.LeaseDuration, _options.BatchSize, cancellationToken);
        foreach (var d in due)
        {
            var now = clock.GetUtcNow();
            try
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"export-schedule:{d.Id}:{d.Occurrence.ToUnixTimeMilliseconds()}");
                var result = await exports.ExportAsync(d.Channel, d.Request, now, key, cancellationToken);
                if (result.TooLargeBytes is { } size)
                {
                    Log.ExportTooLarge(logger, d.Id, d.Channel.ToString(), size, result.Limit);
                }

                var next = d.Schedule.NextAfter(now > d.Occurrence ? now : d.Occurrence);
                await schedules.AdvanceAsync(d, next, cancellationToken);
                Log.ExportFired(logger, d.Id, d.Channel.ToString(), d.Occurrence, next);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Left leased: the lease expires and a later round tries this one again.
                Log.ExportFailed(logger, d.Id, e);
            }
        }

        return due.Count;
    }
}

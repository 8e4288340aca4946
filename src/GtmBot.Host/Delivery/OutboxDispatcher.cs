using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Delivery;

/// <summary>
/// Delivers the outbox: claims due rows with a lease (several instances take disjoint rows), sends each through the
/// <see cref="IPlatformMessenger"/> of its platform, and records the platform's message id with the completion.
/// </summary>
/// <remarks>
/// A passing failure (refused connection, timeout, 5xx, 429) is retried with jittered exponential backoff, honouring
/// Retry-After, for <see cref="DeliveryOptions.RetryWindow"/>; then the row goes to the dead letter and an alert is posted in
/// its channel. An attempt that may have reached the platform (answer lost, or an instance that died holding the row) marks
/// the row unsure, and the next attempt asks the messenger to reconcile first (Slack: the outbox id in message metadata,
/// looked up in the channel history). Duplicates from the producing side are kept out by the outbox's idempotency key.
/// </remarks>
internal sealed class OutboxDispatcher(
    OutboxStore outbox,
    IEnumerable<IPlatformMessenger> messengers,
    IReminderStore reminders,
    ISettingsStore settings,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IPlatformMessenger> _messengers = Latest(messengers);
    private readonly DeliveryOptions _options = options.Value;

    // Each platform's pace is its messenger's (the same one delivery uses).
    private readonly Dictionary<string, TimeSpan> _pacing = Latest(messengers).ToDictionary(p => p.Key, p => p.Value.Pacing, StringComparer.OrdinalIgnoreCase);

    /// <summary>One messenger per platform: the last registration wins, so a host (or a test) can replace an edge's messenger.</summary>
    private static Dictionary<string, IPlatformMessenger> Latest(IEnumerable<IPlatformMessenger> messengers) => messengers
        .GroupBy(m => m.Platform, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Idempotency-key prefix of the alert posted for a dead letter (an alert that fails raises no alert of its own).</summary>
    public const string AlertKeyPrefix = "deadletter:";

    /// <summary>Longest error text quoted in an alert.</summary>
    public const int MaxAlertError = 200;

    /// <summary>This instance's name on the leases it holds.</summary>
    public string Owner { get; } = $"dispatch:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        Log.DispatcherStarted(logger, Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.DispatcherLoopFailed(logger, e);
            }

            if (claimed == 0)
            {
                await Task.Delay(_options.OutboxPollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round: claim a batch and deliver it. Returns how many rows were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var items = await outbox.ClaimAsync(Owner, _options.LeaseDuration, _options.BatchSize, cancellationToken, _pacing);
        if (items.Count == 0)
        {
            return 0;
        }

        // One message per channel per round keeps the channel's pace; the rest go back, due after the pace.
        var firsts = new List<OutboxItem>();
        foreach (var group in items.GroupBy(i => i.ChannelKey))
        {
            firsts.Add(group.First());
            foreach (var later in group.Skip(1))
            {
                var notBefore = clock.GetUtcNow() + (_pacing.TryGetValue(later.Conversation.Platform, out var pace) ? pace : TimeSpan.Zero);
                await outbox.RetryLaterAsync(later, notBefore, failed: false, throttled: false, later.Attempts > 0 ? "waiting for the channel's pace" : null, cancellationToken);
            }
        }

        await Parallel.ForEachAsync(
            firsts,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelDeliveries, CancellationToken = cancellationToken },
            async (item, ct) => await DeliverAsync(item, ct));
        return items.Count;
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var conversation = item.Conversation;
        if (item.PlatformMessageId is { } sent)
        {
            await outbox.CompleteAsync(item, Owner, sent, cancellationToken);
            return;
        }

        if (item.ArtefactKey is not null && await outbox.HasNewerArtefactUpdateAsync(item, cancellationToken))
        {
            await outbox.SupersedeAsync(item, cancellationToken);
            return;
        }

        if (!_messengers.TryGetValue(conversation.Platform, out var messenger))
        {
            await FailAsync(item, new DeliveryException($"No messenger is registered for platform '{conversation.Platform}' (is it configured?).", permanent: false), cancellationToken);
            return;
        }

        var existing = item.ArtefactKey is { } key ? await outbox.GetArtefactMessageIdAsync(conversation, key, cancellationToken) : null;
        var delivery = new OutboxDelivery(item.Id, item.CreatedAt, item.Unsure);
        string messageId;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DeliveryTimeout);
        try
        {
            try
            {
                messageId = await messenger.DeliverAsync(conversation, item.Reply, existing, delivery, timeout.Token);
            }
            catch (DeliveryException e) when (e.MessageGone && existing is not null)
            {
                Log.ArtefactGone(logger, conversation.Channel);
                messageId = await messenger.DeliverAsync(conversation, item.Reply, null, delivery, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and another instance (or this one, restarted) delivers it.
            return;
        }
        catch (DeliveryException e)
        {
            await FailAsync(item, e, cancellationToken);
            return;
        }
        catch (Exception e)
        {
            // A timeout, a broken connection or an error the messenger did not classify may come after the platform got the
            // request: the row is retried (not left leased), reconciling first.
            Log.UnclassifiedFailure(logger, item.Id, conversation.Platform, e);
            await FailAsync(item, new DeliveryException(e.Message, permanent: false, inner: e) { Ambiguous = true }, cancellationToken);
            return;
        }

        await outbox.CompleteAsync(item, Owner, messageId, cancellationToken);
        Log.Delivered(logger, item.Id, conversation.Platform, conversation.Channel, messageId);
    }

    private async Task FailAsync(OutboxItem item, DeliveryException e, CancellationToken cancellationToken)
    {
        var c = item.Conversation;
        if (e.ConversationGone)
        {
            await outbox.DeadLetterAsync(item, e.Message, cancellationToken);
            Log.DeadLettered(logger, item.Id, c.Platform, c.Channel, item.Attempts + 1, e.Message);
            if (c.IsDirect)
            {
                // A person who cannot be reached has no channel reminders to switch off; the sender reads the error by its key.
                return;
            }

            var lang = await settings.GetWorkspaceLanguageAsync(c.WorkspaceKey, cancellationToken) ?? Lang.En;
            if (await reminders.DisableAsync(c.ChannelOnly, ReminderStrings.OffReasonGone.Get(lang), cancellationToken))
            {
                Log.ReminderDisabled(logger, c.Platform, c.Channel);
            }

            return;
        }

        var throttled = !e.Permanent && e.RetryAfter is not null;
        var wait = throttled ? e.RetryAfter!.Value : Backoff(item.Attempts + 1);
        var notBefore = clock.GetUtcNow() + wait;
        if (e.Permanent || notBefore > item.CreatedAt + _options.RetryWindow)
        {
            await outbox.DeadLetterAsync(item, e.Message, cancellationToken);
            Log.DeadLettered(logger, item.Id, c.Platform, c.Channel, item.Attempts + 1, e.Message);
            await AlertAsync(item, e, cancellationToken);
            return;
        }

        if (throttled)
        {
            Log.Throttled(logger, item.Id, c.Platform, wait);
        }
        else
        {
            Log.Retrying(logger, item.Id, c.Platform, c.Channel, item.Attempts + 1, notBefore, e.Message);
        }

        await outbox.RetryLaterAsync(item, notBefore, failed: !throttled, throttled, e.Message, cancellationToken, unsure: e.Ambiguous);
    }

    /// <summary>Tells the channel that a message was set aside, in the workspace's language, through the outbox itself.</summary>
    private async Task AlertAsync(OutboxItem item, DeliveryException e, CancellationToken cancellationToken)
    {
        // A direct message is nobody's channel to alert: its sender reads the dead letter (IDeliveryStatus.StateAsync).
        if (item.IdempotencyKey?.StartsWith(AlertKeyPrefix, StringComparison.Ordinal) == true || item.Conversation.IsDirect)
        {
            return;
        }

        var c = item.Conversation;
        var lang = await settings.GetWorkspaceLanguageAsync(c.WorkspaceKey, cancellationToken) ?? Lang.En;
        var error = e.Message.Length > MaxAlertError ? e.Message[..MaxAlertError] + "…" : e.Message;
        var text = e.Ambiguous
            ? AdminStrings.MaybeLostAlert.Format(lang, item.Id)
            : AdminStrings.DeadLetterAlert.Format(lang, item.Id, Markup.Escape(error));
        var alert = new Reply([new TextBlock(text)], Markup.ToPlainText(text));
        await outbox.EnqueueAsync(new OutboundMessage(c.ChannelOnly, alert, AlertKeyPrefix + item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        Log.AlertQueued(logger, item.Id, c.Platform, c.Channel);
    }

    /// <summary>Exponential backoff with ±20 % jitter so instances that failed together do not retry together.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Api;
using GtmBot.Slack.OAuth;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Outbound;

/// <summary>
/// Delivers outbox messages to Slack. An artefact (canvas, checklist, drill) is one living message per channel: posted and
/// pinned the first time, updated in place afterwards; the channel canvas mirrors it where canvases are available.
/// </summary>
/// <remarks>
/// Every post carries its outbox row in the message metadata. When an earlier attempt may have reached Slack (its answer was
/// lost, or the instance died mid-call), the channel's recent history is searched for that tag first and a copy found there
/// is adopted instead of posting again: reconciled, never blindly re-sent, never dropped.
/// A direct message (<see cref="ConversationKey.IsDirect"/>) opens the bot's IM with the person first (conversations.open)
/// and is then posted there by the same rules.
/// </remarks>
internal sealed class SlackMessenger(SlackApiClient api, SlackAuthResolver auth, ILogger<SlackMessenger> logger) : IPlatformMessenger
{
    /// <summary>IM channel id per workspace and person: only saves a conversations.open call, so memory is enough.</summary>
    private readonly ConcurrentDictionary<(string Workspace, string User), string> _directChannels = new();

    public string Platform => Platforms.Slack;

    /// <summary>About one message per second per channel (chat.postMessage's special rate limit).</summary>
    /// <see href="https://api.slack.com/methods/chat.postMessage#rate_limiting"/>
    public TimeSpan Pacing => TimeSpan.FromSeconds(1);

    public Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken) =>
        DeliverAsync(conversation, reply, existingMessageId, null, cancellationToken);

    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, OutboxDelivery? delivery, CancellationToken cancellationToken)
    {
        var slackAuth = await auth.FindAsync(null, conversation.Workspace, cancellationToken)
            ?? throw new DeliveryException($"No Slack token for workspace {conversation.Workspace}.", permanent: true) { ConversationGone = true };
        var messages = BlockKitRenderer.RenderMessages(reply, reply.Route?.Lang ?? Lang.En);
        if (conversation.IsDirect)
        {
            return await DeliverDirectAsync(slackAuth, conversation, messages, delivery, cancellationToken);
        }

        try
        {
            if (reply.Route is { } route && reply.Placement != ReplyPlacement.Artefact)
            {
                return await DeliverRoutedAsync(slackAuth, conversation, reply, route, messages, cancellationToken);
            }

            if (reply.Placement == ReplyPlacement.Artefact)
            {
                return await DeliverArtefactAsync(slackAuth, conversation, reply, messages, existingMessageId, delivery, cancellationToken);
            }

            var thread = conversation.Thread;
            if (existingMessageId is not null)
            {
                await api.UpdateAsync(slackAuth.BotToken, conversation.Channel, existingMessageId, messages[0], cancellationToken);
                return existingMessageId;
            }

            return await PostPartsAsync(slackAuth, conversation.Channel, thread, messages, delivery, cancellationToken);
        }
        catch (SlackApiException e)
        {
            throw ToDelivery(e);
        }
    }

    /// <summary>Posts every part not posted before (reconciled by the outbox tag); returns the first part's ts.</summary>
    private async Task<string> PostPartsAsync(SlackAuth slackAuth, string channel, string? thread, IReadOnlyList<KitMessage> messages, OutboxDelivery? delivery, CancellationToken ct)
    {
        var posted = await PostedBeforeAsync(slackAuth, channel, thread, delivery, ct);
        string? first = null;
        for (var part = 0; part < messages.Count; part++)
        {
            var ts = posted.GetValueOrDefault(part)
                ?? await api.PostMessageAsync(slackAuth.BotToken, channel, messages[part], thread, ct, Tag(delivery, part));
            first ??= ts;
        }

        return first!;
    }

    /// <summary>
    /// A direct message: conversations.open with the person (cached), then chat.postMessage into that IM, reconciled like any
    /// post. Placement and routing do not apply to a person's IM: it is always a new message. A refusal no retry will change
    /// (person gone or hidden, DMs closed, no <c>im:write</c>) is permanent, with Slack's error.
    /// </summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.open"/>
    private async Task<string> DeliverDirectAsync(SlackAuth slackAuth, ConversationKey conversation, IReadOnlyList<KitMessage> messages, OutboxDelivery? delivery, CancellationToken ct)
    {
        var user = conversation.DirectUser!;
        var key = (conversation.Workspace, user);
        try
        {
            if (_directChannels.TryGetValue(key, out var cached))
            {
                try
                {
                    return await PostPartsAsync(slackAuth, cached, null, messages, delivery, ct);
                }
                catch (SlackApiException e) when (e.Error is "channel_not_found" or "is_archived")
                {
                    // Nothing was posted into a channel that is gone: open the IM again and post there.
                    Log.DirectChannelStale(logger, user, cached);
                    _directChannels.TryRemove(key, out _);
                }
            }

            var channel = await api.OpenDirectAsync(slackAuth.BotToken, user, ct);
            _directChannels[key] = channel;
            return await PostPartsAsync(slackAuth, channel, null, messages, delivery, ct);
        }
        catch (SlackApiException e) when (e.DirectRefused)
        {
            Log.DirectRefused(logger, user, e.Error);
            _directChannels.TryRemove(key, out _);
            throw new DeliveryException($"{e.Message} (direct message to {user})", permanent: true, inner: e) { ConversationGone = true };
        }
        catch (SlackApiException e)
        {
            throw ToDelivery(e);
        }
    }

    /// <summary>
    /// A reply to one request, delivered after its ack as the request would have answered: ephemeral through response_url
    /// (or chat.postEphemeral), a replacement through response_url (or chat.update), a thread reply, or in the channel.
    /// Returns the message's ts where Slack tells one, else the handle it went through.
    /// </summary>
    /// <see href="https://docs.slack.dev/interactivity/handling-user-interaction#message_responses"/>
    private async Task<string> DeliverRoutedAsync(SlackAuth slackAuth, ConversationKey conversation, Reply reply, ReplyRoute route, IReadOnlyList<KitMessage> messages, CancellationToken ct)
    {
        string? first = null;
        foreach (var message in messages)
        {
            var id = await DeliverRoutedOneAsync(slackAuth.BotToken, conversation, reply, route, message, ct);
            first ??= id;
        }

        return first ?? "response_url";
    }

    private async Task<string?> DeliverRoutedOneAsync(string token, ConversationKey conversation, Reply reply, ReplyRoute route, KitMessage message, CancellationToken ct)
    {
        var channel = conversation.Channel;
        var thread = conversation.Thread;
        var body = JsonSerializer.SerializeToNode(message, SlackJson.Default.KitMessage)!.AsObject();
        switch (reply.Placement, reply.Visibility)
        {
            case (_, ReplyVisibility.Ephemeral) when route.ResponseUrl is not null:
                body["response_type"] = "ephemeral";
                body["replace_original"] = reply.Placement == ReplyPlacement.ReplaceOriginal;
                await api.RespondAsync(route.ResponseUrl, body, ct);
                return null;
            case (_, ReplyVisibility.Ephemeral):
                await api.PostEphemeralAsync(token, channel, route.UserId ?? throw new DeliveryException("An ephemeral reply names no person.", permanent: true), message, thread, ct);
                return null;
            case (ReplyPlacement.ReplaceOriginal, _) when route.ResponseUrl is not null:
                body["replace_original"] = true;
                await api.RespondAsync(route.ResponseUrl, body, ct);
                return route.SourceMessageId;
            case (ReplyPlacement.ReplaceOriginal, _) when route.SourceMessageId is not null:
                await api.UpdateAsync(token, channel, route.SourceMessageId, message, ct);
                return route.SourceMessageId;
            case (ReplyPlacement.ThreadReply, _):
                return await api.PostMessageAsync(token, channel, message, thread ?? route.SourceMessageId, ct);
            case (_, _) when thread is null && route.ResponseUrl is not null:
                body["response_type"] = "in_channel";
                body["replace_original"] = false;
                await api.RespondAsync(route.ResponseUrl, body, ct);
                return null;
            default:
                return await api.PostMessageAsync(token, channel, message, thread, ct);
        }
    }

    /// <summary>The living message is the first part; an artefact longer than one message keeps only what fits (it is updated in place).</summary>
    private async Task<string> DeliverArtefactAsync(SlackAuth slackAuth, ConversationKey conversation, Reply reply, IReadOnlyList<Wire.KitMessage> messages, string? existing, OutboxDelivery? delivery, CancellationToken ct)
    {
        string ts;
        if (existing is not null)
        {
            await api.UpdateAsync(slackAuth.BotToken, conversation.Channel, existing, messages[0], ct);
            ts = existing;
        }
        else
        {
            var posted = await PostedBeforeAsync(slackAuth, conversation.Channel, null, delivery, ct);
            ts = posted.GetValueOrDefault(0) ?? await api.PostMessageAsync(slackAuth.BotToken, conversation.Channel, messages[0], null, ct, Tag(delivery, 0));
            if (!SummaryFlow.IsSummaryKey(reply.ArtefactKey))
            {
                await api.PinAsync(slackAuth.BotToken, conversation.Channel, ts, ct);
            }
        }

        if (reply.ArtefactKey?.StartsWith("canvas", StringComparison.Ordinal) == true)
        {
            await SyncCanvasAsync(slackAuth, conversation.Channel, reply, ct);
        }

        return ts;
    }

    private static OutboxTag? Tag(OutboxDelivery? delivery, int part) => delivery is null ? null : new OutboxTag(delivery.OutboxId, part);

    /// <summary>The parts of this outbox row an earlier attempt already posted (none when no earlier attempt may have).</summary>
    private async Task<IReadOnlyDictionary<int, string>> PostedBeforeAsync(SlackAuth slackAuth, string channel, string? thread, OutboxDelivery? delivery, CancellationToken ct)
    {
        if (delivery is not { MayHaveBeenSent: true })
        {
            return NothingPosted;
        }

        var found = await api.FindOutboxPostsAsync(slackAuth.BotToken, channel, thread, delivery.OutboxId, delivery.CreatedAt - ReconcileSlack, ct);
        foreach (var (part, ts) in found)
        {
            Log.Reconciled(logger, delivery.OutboxId, part, channel, ts);
        }

        return found;
    }

    /// <summary>Clock difference allowed between this host and Slack when searching from the row's creation time.</summary>
    private static readonly TimeSpan ReconcileSlack = TimeSpan.FromMinutes(5);

    private static readonly IReadOnlyDictionary<int, string> NothingPosted = new Dictionary<int, string>();

    /// <summary>
    /// Best effort: the channel canvas shows the 4W1H canvas too. Any failure (free plan, no scope, DM) leaves the pinned message as the record.
    /// </summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.canvases.create"/>
    private async Task SyncCanvasAsync(SlackAuth slackAuth, string channel, Reply reply, CancellationToken ct)
    {
        var markdown = CanvasMarkdownRenderer.Render(reply);
        try
        {
            try
            {
                await api.CreateChannelCanvasAsync(slackAuth.BotToken, channel, markdown, ct);
            }
            catch (SlackApiException e) when (e.Error == "channel_canvas_already_exists")
            {
                var canvasId = await api.GetChannelCanvasAsync(slackAuth.BotToken, channel, ct);
                if (canvasId is not null)
                {
                    await api.ReplaceCanvasAsync(slackAuth.BotToken, canvasId, markdown, ct);
                }
            }
        }
        catch (SlackApiException e)
        {
            Log.CanvasFailed(logger, channel, e.Error);
        }
    }

    /// <see href="https://docs.slack.dev/reference/methods/chat.postMessage#errors"/>
    private static DeliveryException ToDelivery(SlackApiException e)
    {
        if (e.Error == "ratelimited")
        {
            return new DeliveryException(e.Message, permanent: false, e.RetryAfter, e);
        }

        if (e.MessageGone)
        {
            return new DeliveryException(e.Message, permanent: false, inner: e) { MessageGone = true };
        }

        if (e.ConversationGone)
        {
            return new DeliveryException(e.Message, permanent: true, inner: e) { ConversationGone = true };
        }

        if (e.MaybeDone)
        {
            // The post may have gone through: the next attempt looks for it in the channel before posting.
            return new DeliveryException(e.Message + " (may have been delivered; reconciled before the next attempt)", permanent: false, inner: e) { Ambiguous = true };
        }

        // invalid_blocks and the like will not get better by retrying; 5xx/transport might.
        var transient = e.Error.StartsWith("http_", StringComparison.Ordinal) || e.Error is "transport_error" or "connection_failed" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
        return new DeliveryException(e.Message, permanent: !transient, inner: e);
    }
}

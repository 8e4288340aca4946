using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Slack.Api;
using GtmBot.Slack.OAuth;
using GtmBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Outbound;

/// <summary>
/// Delivers outbox messages to Slack. An artefact (canvas, checklist, drill) is one living message per channel: posted and
/// pinned the first time, updated in place afterwards; the channel canvas mirrors it where canvases are available.
/// </summary>
internal sealed class SlackMessenger(SlackApiClient api, SlackAuthResolver auth, ILogger<SlackMessenger> logger) : IPlatformMessenger
{
    public string Platform => Platforms.Slack;

    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        var slackAuth = await auth.FindAsync(null, conversation.Workspace, cancellationToken)
            ?? throw new DeliveryException($"No Slack token for workspace {conversation.Workspace}.", permanent: true) { ConversationGone = true };
        var messages = BlockKitRenderer.RenderMessages(reply);
        try
        {
            if (reply.Placement == ReplyPlacement.Artefact)
            {
                return await DeliverArtefactAsync(slackAuth, conversation, reply, messages, existingMessageId, cancellationToken);
            }

            var thread = conversation.Thread;
            if (existingMessageId is not null)
            {
                await api.UpdateAsync(slackAuth.BotToken, conversation.Channel, existingMessageId, messages[0], cancellationToken);
                return existingMessageId;
            }

            string? first = null;
            foreach (var message in messages)
            {
                var ts = await api.PostMessageAsync(slackAuth.BotToken, conversation.Channel, message, thread, cancellationToken);
                first ??= ts;
            }

            return first!;
        }
        catch (SlackApiException e)
        {
            throw ToDelivery(e);
        }
    }

    /// <summary>The living message is the first part; an artefact longer than one message keeps only what fits (it is updated in place).</summary>
    private async Task<string> DeliverArtefactAsync(SlackAuth slackAuth, ConversationKey conversation, Reply reply, IReadOnlyList<Wire.KitMessage> messages, string? existing, CancellationToken ct)
    {
        string ts;
        if (existing is not null)
        {
            await api.UpdateAsync(slackAuth.BotToken, conversation.Channel, existing, messages[0], ct);
            ts = existing;
        }
        else
        {
            ts = await api.PostMessageAsync(slackAuth.BotToken, conversation.Channel, messages[0], null, ct);
            await api.PinAsync(slackAuth.BotToken, conversation.Channel, ts, ct);
        }

        if (reply.ArtefactKey?.StartsWith("canvas", StringComparison.Ordinal) == true)
        {
            await SyncCanvasAsync(slackAuth, conversation.Channel, reply, ct);
        }

        return ts;
    }

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
            // The post may have gone through: re-sending could duplicate it in the channel.
            return new DeliveryException(e.Message + " (may have been delivered; not re-sent)", permanent: true, inner: e);
        }

        // invalid_blocks and the like will not get better by retrying; 5xx/transport might.
        var transient = e.Error.StartsWith("http_", StringComparison.Ordinal) || e.Error is "transport_error" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
        return new DeliveryException(e.Message, permanent: !transient, inner: e);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Delivery;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Api;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Strings;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// Carries out a <see cref="DeliveryPlan"/> on Slack: the response reply becomes the acknowledgement's body, the form opens
/// as a modal now (a trigger_id lives 3 s), and the replacement and the other replies go into the durable outbox, which
/// delivers them after the ack through response_url or the Web API.
/// </summary>
internal sealed class SlackReplies(SlackApiClient api, SlackModals modals, IOutbox outbox)
{
    /// <summary>Carries out the plan; returns the acknowledgement's body (a slash command's answer), or null.</summary>
    public async Task<SlashResponse?> CarryOutAsync(SlackReplyTarget target, DeliveryPlan plan, bool answerInAck, CancellationToken ct)
    {
        var later = new List<Reply>();
        var response = plan.Response;
        if (plan.Form is { } form && !await modals.TryOpenAsync(target, form, plan.Lang, ct))
        {
            var notice = SlackModals.NotOpened(target.Input, plan.Lang);
            if (answerInAck && response is null)
            {
                response = notice;
            }
            else
            {
                later.Add(notice);
            }
        }

        SlashResponse? body = null;
        if (response is not null)
        {
            var messages = BlockKitRenderer.RenderMessages(response, plan.Lang);
            if (answerInAck && messages.Count == 1)
            {
                body = new SlashResponse(messages[0].Text, messages[0].Blocks, response.Visibility == ReplyVisibility.Channel ? "in_channel" : "ephemeral");
            }
            else
            {
                // Too long for one message: the outbox sends all its parts, in order.
                later.Add(response);
            }
        }

        if (plan.Replace is { } replace)
        {
            later.Add(replace);
        }

        later.AddRange(plan.Later);

        // After the ack, through the durable outbox: a crash between the ack and the send loses nothing.
        foreach (var reply in later)
        {
            await EnqueueAsync(target, reply, plan.Lang, ct);
        }

        return body;
    }

    /// <summary>Queues every reply of the plan in the outbox (the caller is already past the ack).</summary>
    public async Task EnqueueAllAsync(SlackReplyTarget target, DeliveryPlan plan, CancellationToken ct)
    {
        foreach (var reply in new[] { plan.Response, plan.Replace }.OfType<Reply>().Concat(plan.Later))
        {
            await EnqueueAsync(target, reply, plan.Lang, ct);
        }
    }

    /// <summary>An ephemeral note to one person in a channel, or in the app's DM when they cannot get one there.</summary>
    public async Task SendEphemeralOrDirectAsync(string token, string channel, string user, Reply reply, Lang lang, CancellationToken ct)
    {
        var message = BlockKitRenderer.RenderMessages(reply, lang)[0];
        try
        {
            await api.PostEphemeralAsync(token, channel, user, message, null, ct);
        }
        catch (SlackApiException ex) when (ex.ConversationGone || ex.Error == "user_not_in_channel")
        {
            // Not a member either: the app's DM with the person (its Messages tab) always works with chat:write.
            // https://docs.slack.dev/reference/methods/chat.postMessage#app_home
            await api.PostMessageAsync(token, user, message, null, ct);
        }
    }

    /// <summary>
    /// One reply into the outbox with its route: the person and the response_url it answers, and the message it came from.
    /// <see cref="Outbound.SlackMessenger"/> delivers it as the request would have (response_url, ephemeral, update, thread).
    /// </summary>
    private Task EnqueueAsync(SlackReplyTarget target, Reply reply, Lang lang, CancellationToken ct)
    {
        var routed = reply with { Route = new ReplyRoute(target.UserId, target.ResponseUrl, target.SourceTs, lang) };
        return outbox.EnqueueAsync(new OutboundMessage(target.Conversation, routed), ct);
    }
}

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
/// as a modal now (a trigger_id lives 3 s), and the replacement and the other replies follow after the ack through
/// response_url or the Web API. A channel message Slack refuses goes to the durable outbox.
/// </summary>
internal sealed class SlackReplies(SlackApiClient api, SlackModals modals, SlackFollowUps followUps, IOutbox outbox, ILogger<SlackReplies> logger)
{
    /// <summary>Carries out the plan; returns the acknowledgement's body (a slash command's answer), or null.</summary>
    public async Task<JsonObject?> CarryOutAsync(SlackReplyTarget target, DeliveryPlan plan, bool answerInAck, CancellationToken ct)
    {
        var later = new List<(Reply Reply, KitMessage Message)>();
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
                Add(later, notice, plan.Lang);
            }
        }

        JsonObject? body = null;
        if (response is not null)
        {
            var messages = BlockKitRenderer.RenderMessages(response, plan.Lang);
            if (answerInAck)
            {
                body = MessageBody(messages[0]);
                body["response_type"] = response.Visibility == ReplyVisibility.Channel ? "in_channel" : "ephemeral";
                later.AddRange(messages.Skip(1).Select(m => (response, m)));
            }
            else
            {
                later.AddRange(messages.Select(m => (response, m)));
            }
        }

        if (plan.Replace is { } replace)
        {
            Add(later, replace, plan.Lang);
        }

        foreach (var reply in plan.Later)
        {
            Add(later, reply, plan.Lang);
        }

        if (later.Count > 0)
        {
            await followUps.EnqueueAsync(token => SendAsync(target, later, plan.Lang, token), ct);
        }

        return body;
    }

    /// <summary>Sends the replies now (the caller is already past the ack).</summary>
    public Task SendNowAsync(SlackReplyTarget target, DeliveryPlan plan, CancellationToken ct)
    {
        var messages = new List<(Reply Reply, KitMessage Message)>();
        foreach (var reply in new[] { plan.Response, plan.Replace }.OfType<Reply>().Concat(plan.Later))
        {
            Add(messages, reply, plan.Lang);
        }

        return SendAsync(target, messages, plan.Lang, ct);
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

    private static void Add(List<(Reply Reply, KitMessage Message)> list, Reply reply, Lang lang) =>
        list.AddRange(BlockKitRenderer.RenderMessages(reply, lang).Select(m => (reply, m)));

    private async Task SendAsync(SlackReplyTarget target, IReadOnlyList<(Reply Reply, KitMessage Message)> messages, Lang lang, CancellationToken ct)
    {
        foreach (var (reply, message) in messages)
        {
            try
            {
                await SendOneAsync(target, reply, message, ct);
            }
            catch (SlackApiException e) when (reply.Visibility == ReplyVisibility.Channel && !e.MaybeDone)
            {
                // Not lost: the outbox posts it again later, and the person hears why it is late.
                Log.FollowUpFailed(logger, e.Method, e.Error);
                await outbox.EnqueueAsync(new OutboundMessage(target.Conversation, reply with { Placement = reply.Placement == ReplyPlacement.ReplaceOriginal ? ReplyPlacement.NewMessage : reply.Placement }), ct);
                await TryNotifyAsync(target, SlackStrings.DeliveryFailed.Format(lang, e.Error), lang, ct);
            }
        }
    }

    private async Task TryNotifyAsync(SlackReplyTarget target, string text, Lang lang, CancellationToken ct)
    {
        try
        {
            var notice = BlockKitRenderer.RenderMessages(Reply.Notice(Markup.Escape(text)), lang)[0];
            if (target.ResponseUrl is not null)
            {
                var body = MessageBody(notice);
                body["response_type"] = "ephemeral";
                body["replace_original"] = false;
                await api.RespondAsync(target.ResponseUrl, body, ct);
            }
            else if (target.Auth is not null)
            {
                await api.PostEphemeralAsync(target.Auth.BotToken, target.Conversation.Channel, target.UserId, notice, target.Conversation.Thread, ct);
            }
        }
        catch (SlackApiException e)
        {
            Log.FollowUpFailed(logger, e.Method, e.Error);
        }
    }

    /// <see href="https://docs.slack.dev/interactivity/handling-user-interaction#message_responses"/>
    private async Task SendOneAsync(SlackReplyTarget target, Reply reply, KitMessage message, CancellationToken ct)
    {
        var channel = target.Conversation.Channel;
        var thread = target.Conversation.Thread;
        var token = target.Auth?.BotToken;
        var body = MessageBody(message);
        switch (reply.Placement, reply.Visibility)
        {
            case (_, ReplyVisibility.Ephemeral):
                if (target.ResponseUrl is not null)
                {
                    body["response_type"] = "ephemeral";
                    body["replace_original"] = reply.Placement == ReplyPlacement.ReplaceOriginal;
                    await api.RespondAsync(target.ResponseUrl, body, ct);
                }
                else if (token is not null)
                {
                    await api.PostEphemeralAsync(token, channel, target.UserId, message, thread, ct);
                }

                break;
            case (ReplyPlacement.ReplaceOriginal, _) when target.ResponseUrl is not null:
                body["replace_original"] = true;
                await api.RespondAsync(target.ResponseUrl, body, ct);
                break;
            case (ReplyPlacement.ReplaceOriginal, _) when token is not null && target.SourceTs is not null:
                await api.UpdateAsync(token, channel, target.SourceTs, message, ct);
                break;
            case (ReplyPlacement.ThreadReply, _) when token is not null:
                await api.PostMessageAsync(token, channel, message, thread ?? target.SourceTs, ct);
                break;
            default:
                if (thread is null && target.ResponseUrl is not null)
                {
                    body["response_type"] = "in_channel";
                    body["replace_original"] = false;
                    await api.RespondAsync(target.ResponseUrl, body, ct);
                }
                else if (token is not null)
                {
                    await api.PostMessageAsync(token, channel, message, thread, ct);
                }
                else
                {
                    Log.NoToken(logger, target.Conversation.Workspace);
                }

                break;
        }
    }

    private static JsonObject MessageBody(KitMessage message) => JsonSerializer.SerializeToNode(message, SlackJson.Default.KitMessage)!.AsObject();
}

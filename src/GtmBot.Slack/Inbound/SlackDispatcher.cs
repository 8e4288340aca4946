using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Api;
using GtmBot.Slack.OAuth;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Strings;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack.Inbound;

/// <summary>Where a turn's replies go back to: the channel, the thread, the user, and the handles Slack gave for answering.</summary>
internal sealed record SlackReplyTarget(SlackAuth? Auth, ConversationKey Conversation, string UserId, string? ResponseUrl, string? TriggerId, string? SourceTs, Lang Lang);

/// <summary>
/// The one dispatcher of every Slack request, from HTTP and Socket Mode: maps the payload to a <see cref="Turn"/>, runs the
/// engine (state saved before it returns), answers what fits in the acknowledgement, opens forms as modals at once
/// (a trigger_id lives 3 s), and leaves the rest of the Web API calls to <see cref="SlackFollowUps"/>.
/// </summary>
internal sealed class SlackDispatcher(
    ConversationEngine engine,
    SlackApiClient api,
    SlackAuthResolver auth,
    SlackUserDirectory users,
    SlackFollowUps followUps,
    IInboundDedupe dedupe,
    IInstallationStore installations,
    IOutbox outbox,
    IOptions<SlackOptions> options,
    ILogger<SlackDispatcher> logger)
{
    public Task<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct) => inbound switch
    {
        SlashInbound s => OnSlashAsync(s.Command, ct),
        InteractionInbound i => OnInteractionAsync(i.Payload, ct),
        EventInbound e => OnEventAsync(e.Envelope, e.RetryNum, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(inbound)),
    };

    private async Task<SlackAck> OnSlashAsync(SlashCommand c, CancellationToken ct)
    {
        var slackAuth = await auth.FindAsync(c.EnterpriseId, c.TeamId, ct);
        var (user, locale) = await UserAsync(slackAuth, c.TeamId!, c.UserId!, c.UserName, ct);
        var turn = SlackTurnMapper.FromSlash(c, user, locale);
        var (replies, lang) = await RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, c.UserId!, c.ResponseUrl, c.TriggerId, null, lang);
        return new SlackAck(await DeliverAsync(target, replies, inline: true, ct));
    }

    private async Task<SlackAck> OnInteractionAsync(InteractionPayload p, CancellationToken ct)
    {
        switch (p.Type)
        {
            case "block_actions" when p.Actions is { Count: > 0 }:
                return await OnBlockActionsAsync(p, ct);
            case "view_submission" when p.View is not null:
                return await OnViewSubmissionAsync(p, ct);
            case "message_action" when p.CallbackId == SlackTurnMapper.QuoteShortcutCallbackId:
                return await OnQuoteShortcutAsync(p, ct);
            default:
                // view_closed, global shortcuts and anything new: nothing to do, Slack only needs the 200.
                Log.Unhandled(logger, "interaction", $"{p.Type}/{p.CallbackId}");
                return SlackAck.Empty;
        }
    }

    private async Task<SlackAck> OnBlockActionsAsync(InteractionPayload p, CancellationToken ct)
    {
        var team = p.Team?.Id ?? p.User?.TeamId;
        var slackAuth = await auth.FindAsync(p.Team?.EnterpriseId ?? p.Enterprise?.Id, team, ct);
        var (user, locale) = await UserAsync(slackAuth, team!, p.User?.Id ?? throw new FormatException("block_actions without a user."), p.User.Name, ct);
        var modal = p.Container?.Type == "view" ? SlackTurnMapper.ReadMetadata(p.View?.PrivateMetadata) : null;
        if (p.Container?.Type == "view" && modal is null)
        {
            // A view we did not open (e.g. App Home): nothing of ours to act on.
            Log.Unhandled(logger, "interaction", "block_actions/view");
            return SlackAck.Empty;
        }

        foreach (var action in p.Actions!.Where(a => !string.IsNullOrEmpty(a.ActionId)))
        {
            var turn = SlackTurnMapper.FromBlockAction(p, action, modal, user, locale);
            var (replies, lang) = await RunAsync(turn, ct);
            var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, p.ResponseUrl ?? modal?.R, p.TriggerId, turn.SourceMessageId, lang);
            await DeliverAsync(target, replies, inline: false, ct);
        }

        return SlackAck.Empty;
    }

    private async Task<SlackAck> OnViewSubmissionAsync(InteractionPayload p, CancellationToken ct)
    {
        var modal = SlackTurnMapper.ReadMetadata(p.View!.PrivateMetadata);
        if (modal is null || string.IsNullOrEmpty(p.View.CallbackId))
        {
            Log.Unhandled(logger, "interaction", $"view_submission/{p.View.CallbackId}");
            return SlackAck.Empty;
        }

        var team = p.Team?.Id ?? p.User?.TeamId;
        var slackAuth = await auth.FindAsync(p.Team?.EnterpriseId ?? p.Enterprise?.Id, team, ct);
        var (user, locale) = await UserAsync(slackAuth, team!, p.User?.Id ?? throw new FormatException("view_submission without a user."), p.User.Name, ct);
        var turn = SlackTurnMapper.FromViewSubmission(p, modal, user, locale);
        var (replies, lang) = await RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, modal.R, null, modal.M, lang);

        var formReply = replies.FirstOrDefault(r => r.Form is not null);
        await DeliverAsync(target, [.. replies.Where(r => r != formReply)], inline: false, ct);
        if (formReply is null)
        {
            return SlackAck.Empty; // closes the modal
        }

        // The form came back (refused or a next step): keep the user's text. An error on a form with inputs is shown at the
        // first input (errors are keyed by block_id); otherwise the view is replaced.
        // https://docs.slack.dev/surfaces/modals#displaying_errors
        var form = formReply.Form!;
        var submitted = ((ActionInput)turn.Input).Form;
        if (!string.IsNullOrWhiteSpace(form.Error) && form.Inputs.Count > 0 && form.SubmitActionId == p.View.CallbackId)
        {
            return new SlackAck(new JsonObject
            {
                ["response_action"] = "errors",
                ["errors"] = new JsonObject { [form.Inputs[0].Id] = SlackText.Truncate(Markup.ToPlainText(form.Error), SlackLimits.MaxInputLabel) },
            });
        }

        var view = BlockKitRenderer.RenderModal(formReply, modal with { V = form.Value }, string.IsNullOrWhiteSpace(form.Error) ? null : submitted, lang);
        return new SlackAck(new JsonObject { ["response_action"] = "update", ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Default.KitView) });
    }

    private async Task<SlackAck> OnQuoteShortcutAsync(InteractionPayload p, CancellationToken ct)
    {
        var team = p.Team?.Id ?? p.User?.TeamId;
        var slackAuth = await auth.FindAsync(p.Team?.EnterpriseId ?? p.Enterprise?.Id, team, ct);
        var (user, locale) = await UserAsync(slackAuth, team!, p.User?.Id ?? throw new FormatException("message_action without a user."), p.User.Name, ct);
        var permalink = await PermalinkAsync(slackAuth, p.Channel?.Id, p.Message?.Ts ?? p.MessageTs, ct);
        var turn = SlackTurnMapper.FromQuoteShortcut(p, permalink, user, locale);
        var (replies, lang) = await RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, p.ResponseUrl, p.TriggerId, turn.SourceMessageId, lang);
        await DeliverAsync(target, replies, inline: false, ct);
        return SlackAck.Empty;
    }

    private async Task<SlackAck> OnEventAsync(EventEnvelope envelope, int? retryNum, CancellationToken ct)
    {
        switch (envelope.Type)
        {
            case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                // https://docs.slack.dev/reference/events/url_verification
                return new SlackAck(new JsonObject { ["challenge"] = envelope.Challenge });
            case "event_callback" when envelope.Event?.Type is not null:
                break;
            default:
                Log.Unhandled(logger, "envelope", envelope.Type ?? "(none)");
                return SlackAck.Empty;
        }

        var e = envelope.Event!;
        var authorization = envelope.Authorizations?.FirstOrDefault();
        var team = envelope.TeamId ?? authorization?.TeamId;
        var enterprise = envelope.EnterpriseId ?? authorization?.EnterpriseId;
        if (string.IsNullOrEmpty(envelope.EventId))
        {
            return await OnEventAsync(e, authorization, team, enterprise, ct);
        }

        // Done only once handled: a first attempt that fails lets Slack's retry through.
        var key = new InboundEventKey(Platforms.Slack, team ?? enterprise ?? string.Empty, e.ChannelId ?? e.Item?.Channel ?? string.Empty, envelope.EventId);
        return await dedupe.HandleOnceAsync(key, () => OnEventAsync(e, authorization, team, enterprise, ct), () =>
        {
            Log.Duplicate(logger, envelope.EventId, retryNum);
            return SlackAck.Empty;
        }, ct);
    }

    private async Task<SlackAck> OnEventAsync(SlackEvent e, Authorization? authorization, string? team, string? enterprise, CancellationToken ct)
    {
        switch (e.Type)
        {
            case "app_uninstalled" or "tokens_revoked":
                await ForgetAsync(e, team, enterprise, authorization?.IsEnterpriseInstall == true, ct);
                return SlackAck.Empty;
            case "app_mention" when e.ChannelId is not null && e.UserId is not null && e.BotId is null:
                await OnMentionAsync(e, team, enterprise, ct);
                return SlackAck.Empty;
            case "reaction_added" when e.Reaction == options.Value.QuoteReaction && e.Item is { Type: "message", Channel: not null, Ts: not null } && e.UserId is not null:
                // Captured before the ack (not from an in-memory queue a crash would lose); the same person reacting again is one quote.
                var reaction = new InboundEventKey(Platforms.Slack, team ?? string.Empty, e.Item.Channel, $"reaction:{e.Item.Ts}:{e.UserId}:{e.Reaction}");
                return await dedupe.HandleOnceAsync(reaction, async () =>
                {
                    await CaptureReactionAsync(e, team!, enterprise, ct);
                    return SlackAck.Empty;
                }, () => SlackAck.Empty, ct);
            default:
                Log.Unhandled(logger, "event", e.Type!);
                return SlackAck.Empty;
        }
    }

    private async Task ForgetAsync(SlackEvent e, string? team, string? enterprise, bool enterpriseInstall, CancellationToken ct)
    {
        // tokens_revoked lists user tokens too; only a revoked bot token ends the installation.
        // https://docs.slack.dev/reference/events/tokens_revoked
        if (e.Type == "tokens_revoked" && e.Tokens?.Bot is not { Count: > 0 })
        {
            Log.Uninstalled(logger, team ?? enterprise ?? "?", e.Type, false);
            return;
        }

        var workspace = enterpriseInstall && enterprise is not null ? enterprise : team ?? enterprise;
        var deleted = workspace is not null && await installations.DeleteAsync(Platforms.Slack, workspace, ct);
        Log.Uninstalled(logger, workspace ?? "?", e.Type!, deleted);
    }

    private async Task OnMentionAsync(SlackEvent e, string? team, string? enterprise, CancellationToken ct)
    {
        var slackAuth = await auth.FindAsync(enterprise, team, ct);
        if (slackAuth?.BotUserId is not null && e.UserId == slackAuth.BotUserId)
        {
            return;
        }

        var workspace = SlackTurnMapper.Workspace(team, enterprise);
        var (user, locale) = await UserAsync(slackAuth, workspace, e.UserId!, null, ct);
        var turn = SlackTurnMapper.FromMention(workspace, e, user, locale);
        var (replies, lang) = await RunAsync(turn, ct);
        await DeliverAsync(new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, null, null, e.Ts, lang), replies, inline: false, ct);
    }

    /// <summary>Reads the reacted message back (the event carries no text), then captures it; an unreadable one gets the invite hint.</summary>
    private async Task CaptureReactionAsync(SlackEvent e, string team, string? enterprise, CancellationToken ct)
    {
        var slackAuth = await auth.FindAsync(enterprise, team, ct);
        if (slackAuth is null)
        {
            Log.NoToken(logger, team);
            return;
        }

        var workspace = SlackTurnMapper.Workspace(team, enterprise);
        var (user, locale) = await UserAsync(slackAuth, workspace, e.UserId!, null, ct);
        var channel = e.Item!.Channel!;
        MessageRef? message;
        try
        {
            message = await api.GetMessageAsync(slackAuth.BotToken, channel, e.Item.Ts!, ct);
        }
        catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found" or "missing_scope" or "access_denied")
        {
            message = null;
        }

        var lang = Culture.Parse(locale) ?? Lang.En;
        if (message is null)
        {
            var hint = Reply.Notice(Markup.Escape(SlackStrings.InviteBotForQuote.Get(lang)));
            await SendEphemeralOrDirectAsync(slackAuth, channel, user.Id, hint, lang, ct);
            return;
        }

        var permalink = await PermalinkAsync(slackAuth, channel, message.Ts, ct);
        var turn = SlackTurnMapper.FromQuoteReaction(workspace, channel, message, permalink, user, locale);
        var (replies, replyLang) = await RunAsync(turn, ct);
        await SendAllAsync(new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, null, null, message.Ts, replyLang), replies, ct);
    }

    private async Task SendEphemeralOrDirectAsync(SlackAuth slackAuth, string channel, string user, Reply reply, Lang lang, CancellationToken ct)
    {
        var message = BlockKitRenderer.RenderMessages(reply, lang)[0];
        try
        {
            await api.PostEphemeralAsync(slackAuth.BotToken, channel, user, message, null, ct);
        }
        catch (SlackApiException ex) when (ex.ConversationGone || ex.Error == "user_not_in_channel")
        {
            // Not a member either: the app's DM with the person (its Messages tab) always works with chat:write.
            // https://docs.slack.dev/reference/methods/chat.postMessage#app_home
            await api.PostMessageAsync(slackAuth.BotToken, user, message, null, ct);
        }
    }

    /// <summary>Runs the turn; the renderer gets the same language the engine answered in (the settings store caches it).</summary>
    private async Task<(IReadOnlyList<Reply> Replies, Lang Lang)> RunAsync(Turn turn, CancellationToken ct)
    {
        var replies = await engine.HandleAsync(turn, ct);
        return (replies, await engine.ResolveLanguageAsync(turn, ct));
    }

    private async Task<(TurnUser User, string? Locale)> UserAsync(SlackAuth? slackAuth, string team, string userId, string? name, CancellationToken ct)
    {
        var info = await users.GetAsync(slackAuth, team, userId, ct);
        return (new TurnUser(userId, info?.DisplayName ?? name, info?.TimeZone), info?.Locale);
    }

    private async Task<string?> PermalinkAsync(SlackAuth? slackAuth, string? channel, string? ts, CancellationToken ct)
    {
        if (slackAuth is null || channel is null || ts is null)
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(SlackUserDirectory.LookupBudget);
        try
        {
            return await api.GetPermalinkAsync(slackAuth.BotToken, channel, ts, budget.Token);
        }
        catch (Exception ex) when (ex is SlackApiException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            Log.FollowUpFailed(logger, "chat.getPermalink", ex is SlackApiException s ? s.Error : "timeout");
            return null;
        }
    }

    /// <summary>
    /// Delivers a turn's replies. Artefacts are already in the outbox (the engine queued them). A form opens as a modal now;
    /// with <paramref name="inline"/> the first plain answer becomes the acknowledgement's body; the rest follow after the ack.
    /// </summary>
    private async Task<JsonObject?> DeliverAsync(SlackReplyTarget target, IReadOnlyList<Reply> replies, bool inline, CancellationToken ct)
    {
        JsonObject? body = null;
        var later = new List<(Reply Reply, KitMessage Message)>();
        foreach (var reply in replies)
        {
            if (reply.Placement == ReplyPlacement.Artefact)
            {
                continue;
            }

            if (reply.Form is not null && target.TriggerId is not null && target.Auth is not null && await TryOpenModalAsync(target, reply, ct))
            {
                continue;
            }

            foreach (var message in BlockKitRenderer.RenderMessages(reply, target.Lang))
            {
                if (inline && body is null && reply.Placement == ReplyPlacement.NewMessage && target.Conversation.Thread is null)
                {
                    body = MessageBody(message);
                    body["response_type"] = reply.Visibility == ReplyVisibility.Channel ? "in_channel" : "ephemeral";
                }
                else
                {
                    later.Add((reply, message));
                }
            }
        }

        if (later.Count > 0)
        {
            await followUps.EnqueueAsync(token => SendMessagesAsync(target, later, token), ct);
        }

        return body;
    }

    private async Task SendAllAsync(SlackReplyTarget target, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        var messages = replies.Where(r => r.Placement != ReplyPlacement.Artefact)
            .SelectMany(r => BlockKitRenderer.RenderMessages(r, target.Lang).Select(m => (r, m)))
            .ToList();
        await SendMessagesAsync(target, messages, ct);
    }

    private async Task<bool> TryOpenModalAsync(SlackReplyTarget target, Reply reply, CancellationToken ct)
    {
        var metadata = new ModalMetadata(reply.Form!.Value, target.Conversation.Channel, target.Conversation.Thread, target.SourceTs, target.ResponseUrl);
        try
        {
            await api.OpenViewAsync(target.Auth!.BotToken, target.TriggerId!, BlockKitRenderer.RenderModal(reply, metadata, null, target.Lang), ct);
            return true;
        }
        catch (SlackApiException e)
        {
            // An expired trigger (or no scope): the form is shown as a message instead of being lost.
            Log.FollowUpFailed(logger, e.Method, e.Error);
            return false;
        }
    }

    private async Task SendMessagesAsync(SlackReplyTarget target, IReadOnlyList<(Reply Reply, KitMessage Message)> messages, CancellationToken ct)
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
                await TryNotifyAsync(target, SlackStrings.DeliveryFailed.Format(target.Lang, e.Error), ct);
            }
        }
    }

    private async Task TryNotifyAsync(SlackReplyTarget target, string text, CancellationToken ct)
    {
        try
        {
            var notice = BlockKitRenderer.RenderMessages(Reply.Notice(Markup.Escape(text)), target.Lang)[0];
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

using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Delivery;
using GtmBot.Engine.Ports;
using GtmBot.Slack.OAuth;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// The one dispatcher of every Slack request, from HTTP and Socket Mode: routes the payload, maps it to a <see cref="Turn"/>,
/// runs the engine (state saved before it returns), asks the <see cref="DeliveryPlan"/> where each reply goes and hands the
/// plan to <see cref="SlackReplies"/>. Uninstalls, reactions and modals have their own units.
/// </summary>
internal sealed class SlackDispatcher(
    SlackTurns turns,
    SlackReplies replies,
    SlackUninstall uninstall,
    SlackReactions reactions,
    IInboundDedupe dedupe,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackDispatcher> logger)
{
    public Task<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct)
    {
        inbound.CheckIds();
        return Dispatch(inbound, ct);
    }

    private Task<SlackAck> Dispatch(SlackInbound inbound, CancellationToken ct) => inbound switch
    {
        SlashInbound s => OnSlashAsync(s.Command, clock.GetTimestamp(), ct),
        InteractionInbound i => OnInteractionAsync(i.Payload, clock.GetTimestamp(), ct),
        EventInbound e => OnEventAsync(e.Envelope, e.RetryNum, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(inbound)),
    };

    private async Task<SlackAck> OnSlashAsync(SlashCommand c, long started, CancellationToken ct)
    {
        var slackAuth = await turns.AuthAsync(c.EnterpriseId, c.TeamId, ct);
        var (user, locale) = await turns.UserAsync(slackAuth, c.TeamId!, c.UserId!, c.UserName, ct);
        var turn = SlackTurnMapper.FromSlash(c, user, locale);
        var result = await turns.RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, c.UserId!, c.ResponseUrl, c.TriggerId, null, turn.Input, started);
        var origin = new OriginCapabilities(ResponseSlot.Message, CanOpenForm: CanOpen(target));
        return new SlackAck(Slash: await replies.CarryOutAsync(target, DeliveryPlan.For(result, origin), answerInAck: true, ct));
    }

    private async Task<SlackAck> OnInteractionAsync(InteractionPayload p, long started, CancellationToken ct)
    {
        switch (p.Type)
        {
            case "block_actions" when p.Actions?.Any(a => !string.IsNullOrEmpty(a?.ActionId)) == true:
                return await OnBlockActionsAsync(p, started, ct);
            case "view_submission" when p.View is not null:
                return await OnViewSubmissionAsync(p, started, ct);
            case "message_action" when p.CallbackId == SlackTurnMapper.QuoteShortcutCallbackId:
                return await OnQuoteShortcutAsync(p, started, ct);
            default:
                // view_closed, global shortcuts and anything new: nothing to do, Slack only needs the 200.
                Log.Unhandled(logger, "interaction", $"{p.Type}/{p.CallbackId}");
                return SlackAck.Empty;
        }
    }

    private async Task<SlackAck> OnBlockActionsAsync(InteractionPayload p, long started, CancellationToken ct)
    {
        var (slackAuth, user, locale) = await PersonAsync(p, ct);
        var modal = p.Container?.Type == "view" ? SlackTurnMapper.ReadMetadata(p.View?.PrivateMetadata) : null;
        if (p.Container?.Type == "view" && modal is null)
        {
            // A view we did not open (e.g. App Home): nothing of ours to act on.
            Log.Unhandled(logger, "interaction", "block_actions/view");
            return SlackAck.Empty;
        }

        foreach (var action in p.Actions!.OfType<ActionRef>().Where(a => !string.IsNullOrEmpty(a.ActionId)))
        {
            var turn = SlackTurnMapper.FromBlockAction(p, action, modal, user, locale);
            if (turn is null)
            {
                Log.Unhandled(logger, "action", action.ActionId!);
                continue;
            }

            var result = await turns.RunAsync(turn, ct);
            var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, p.ResponseUrl ?? modal?.R, p.TriggerId, turn.SourceMessageId, turn.Input, started);
            var origin = new OriginCapabilities(ResponseSlot.None, CanReplaceSource: target.ResponseUrl is not null || target.SourceTs is not null, CanOpenForm: CanOpen(target));
            await replies.CarryOutAsync(target, DeliveryPlan.For(result, origin), answerInAck: false, ct);
        }

        return SlackAck.Empty;
    }

    private async Task<SlackAck> OnViewSubmissionAsync(InteractionPayload p, long started, CancellationToken ct)
    {
        var modal = SlackTurnMapper.ReadMetadata(p.View!.PrivateMetadata);
        if (modal is null || string.IsNullOrEmpty(p.View.CallbackId))
        {
            Log.Unhandled(logger, "interaction", $"view_submission/{p.View.CallbackId}");
            return SlackAck.Empty;
        }

        var (slackAuth, user, locale) = await PersonAsync(p, ct);
        var turn = SlackTurnMapper.FromViewSubmission(p, modal, user, locale);
        var result = await turns.RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, modal.R, null, modal.M, turn.Input, started);
        var origin = new OriginCapabilities(ResponseSlot.FormResult, CanReplaceSource: target.ResponseUrl is not null || target.SourceTs is not null);
        var plan = DeliveryPlan.For(result, origin);
        await replies.CarryOutAsync(target, plan with { Response = null }, answerInAck: false, ct);
        return SlackModals.SubmissionAck(plan.Response, modal, p.View.CallbackId, (ActionInput)turn.Input, plan.Lang);
    }

    private async Task<SlackAck> OnQuoteShortcutAsync(InteractionPayload p, long started, CancellationToken ct)
    {
        var (slackAuth, user, locale) = await PersonAsync(p, ct);
        var permalink = await turns.PermalinkAsync(slackAuth, p.Channel?.Id, p.Message?.Ts ?? p.MessageTs, ct);
        var turn = SlackTurnMapper.FromQuoteShortcut(p, permalink, user, locale);
        var result = await turns.RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, p.ResponseUrl, p.TriggerId, turn.SourceMessageId, turn.Input, started);
        var origin = new OriginCapabilities(ResponseSlot.None, CanReplaceSource: false, CanOpenForm: CanOpen(target));
        await replies.CarryOutAsync(target, DeliveryPlan.For(result, origin), answerInAck: false, ct);
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
                await uninstall.ForgetAsync(e, team, enterprise, authorization?.IsEnterpriseInstall == true, ct);
                return SlackAck.Empty;
            case "app_mention" when e.ChannelId is not null && e.UserId is not null && e.BotId is null:
                await OnMentionAsync(e, team, enterprise, ct);
                return SlackAck.Empty;
            case "reaction_added" when e.Reaction == options.Value.QuoteReaction && e.Item is { Type: "message", Channel: not null, Ts: not null } && e.UserId is not null:
                _ = SlackTurnMapper.Workspace(team, enterprise); // a reaction naming no workspace is malformed: 400 now, not a failure later
                // Captured before the ack (not from an in-memory queue a crash would lose); the same person reacting again is one quote.
                var reaction = new InboundEventKey(Platforms.Slack, team ?? string.Empty, e.Item.Channel, $"reaction:{e.Item.Ts}:{e.UserId}:{e.Reaction}");
                return await dedupe.HandleOnceAsync(reaction, async () =>
                {
                    await reactions.CaptureAsync(e, team, enterprise, ct);
                    return SlackAck.Empty;
                }, () => SlackAck.Empty, ct);
            default:
                Log.Unhandled(logger, "event", e.Type!);
                return SlackAck.Empty;
        }
    }

    private async Task OnMentionAsync(SlackEvent e, string? team, string? enterprise, CancellationToken ct)
    {
        var slackAuth = await turns.AuthAsync(enterprise, team, ct);
        if (slackAuth?.BotUserId is not null && e.UserId == slackAuth.BotUserId)
        {
            return;
        }

        var workspace = SlackTurnMapper.Workspace(team, enterprise);
        var (user, locale) = await turns.UserAsync(slackAuth, workspace, e.UserId!, null, ct);
        var turn = SlackTurnMapper.FromMention(workspace, e, user, locale);
        var result = await turns.RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, null, null, e.Ts, turn.Input, clock.GetTimestamp());
        await replies.CarryOutAsync(target, DeliveryPlan.For(result, new OriginCapabilities()), answerInAck: false, ct);
    }

    /// <summary>The workspace's token and the person who acted in an interaction.</summary>
    private async Task<(SlackAuth? Auth, TurnUser User, string? Locale)> PersonAsync(InteractionPayload p, CancellationToken ct)
    {
        var team = p.Team?.Id ?? p.User?.TeamId ?? p.Enterprise?.Id ?? throw new FormatException($"{p.Type} names no team.");
        var slackAuth = await turns.AuthAsync(p.Team?.EnterpriseId ?? p.Enterprise?.Id, team, ct);
        var (user, locale) = await turns.UserAsync(slackAuth, team, p.User?.Id ?? throw new FormatException($"{p.Type} without a user."), p.User.Name, ct);
        return (slackAuth, user, locale);
    }

    private static bool CanOpen(SlackReplyTarget target) => target.TriggerId is not null && target.Auth is not null;
}

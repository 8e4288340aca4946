using GtmBot.Engine;
using GtmBot.Engine.Delivery;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Api;
using GtmBot.Slack.Strings;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// The quote reaction: the event carries no text, so the message is read back before the ack, then captured. An unreadable
/// one (the bot is not in the channel) gets the invite hint.
/// </summary>
internal sealed class SlackReactions(SlackTurns turns, SlackApiClient api, SlackReplies replies, TimeProvider clock, ILogger<SlackReactions> logger)
{
    public async Task CaptureAsync(SlackEvent e, string? team, string? enterprise, CancellationToken ct)
    {
        var slackAuth = await turns.AuthAsync(enterprise, team, ct);
        if (slackAuth is null)
        {
            Log.NoToken(logger, team ?? enterprise ?? "?");
            return;
        }

        var workspace = SlackTurnMapper.Workspace(team, enterprise);
        var (user, locale) = await turns.UserAsync(slackAuth, workspace, e.UserId!, null, ct);
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

        if (message is null)
        {
            var lang = Culture.Parse(locale) ?? Lang.En;
            var hint = Reply.Notice(Markup.Escape(SlackStrings.InviteBotForQuote.Get(lang)));
            await replies.SendEphemeralOrDirectAsync(slackAuth.BotToken, channel, user.Id, hint, lang, ct);
            return;
        }

        var permalink = await turns.PermalinkAsync(slackAuth, channel, message.Ts, ct);
        var turn = SlackTurnMapper.FromQuoteReaction(workspace, channel, message, permalink, user, locale);
        var result = await turns.RunAsync(turn, ct);
        var target = new SlackReplyTarget(slackAuth, turn.Conversation, user.Id, null, null, message.Ts, turn.Input, clock.GetTimestamp());
        await replies.EnqueueAllAsync(target, DeliveryPlan.For(result, new OriginCapabilities()), ct);
    }
}

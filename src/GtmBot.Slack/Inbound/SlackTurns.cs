using GtmBot.Engine;
using GtmBot.Engine.Delivery;
using GtmBot.Slack.Api;
using GtmBot.Slack.OAuth;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary>Where a turn's replies go back to: the channel, the thread, the user, and the handles Slack gave for answering.</summary>
/// <param name="Input">The turn's input, so a form that could not open can offer to try again.</param>
/// <param name="Started">When the request arrived (<see cref="TimeProvider.GetTimestamp"/>): the budgets count from here.</param>
internal sealed record SlackReplyTarget(
    SlackAuth? Auth, ConversationKey Conversation, string UserId, string? ResponseUrl, string? TriggerId, string? SourceTs, TurnInput Input, long Started);

/// <summary>
/// What every Slack handler needs before and after the engine: the workspace's token, the person (cached users.info, within
/// its budget), the engine's answer with its language, and a permalink within its budget.
/// </summary>
internal sealed class SlackTurns(ConversationEngine engine, SlackApiClient api, SlackAuthResolver auth, SlackUserDirectory users, ILogger<SlackTurns> logger)
{
    /// <summary>Longest wait for chat.getPermalink on the request path; without it the quote keeps no link.</summary>
    public static readonly TimeSpan PermalinkBudget = TimeSpan.FromMilliseconds(800);

    public Task<SlackAuth?> AuthAsync(string? enterprise, string? team, CancellationToken ct) => auth.FindAsync(enterprise, team, ct);

    public async Task<(TurnUser User, string? Locale)> UserAsync(SlackAuth? slackAuth, string team, string userId, string? name, CancellationToken ct)
    {
        var info = await users.GetAsync(slackAuth, team, userId, ct);
        return (new TurnUser(userId, info?.DisplayName ?? name, info?.TimeZone), info?.Locale);
    }

    /// <summary>Runs the turn: state is saved when this returns; the renderer gets the language the engine answered in.</summary>
    public Task<TurnResult> RunAsync(Turn turn, CancellationToken ct) => engine.RunAsync(turn, ct);

    public async Task<string?> PermalinkAsync(SlackAuth? slackAuth, string? channel, string? ts, CancellationToken ct)
    {
        if (slackAuth is null || channel is null || ts is null)
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(PermalinkBudget);
        try
        {
            return await api.GetPermalinkAsync(slackAuth.BotToken, channel, ts, budget.Token);
        }
        catch (Exception ex) when (ex is SlackApiException or OperationCanceledException or HttpRequestException && !ct.IsCancellationRequested)
        {
            Log.FollowUpFailed(logger, "chat.getPermalink", ex is SlackApiException s ? s.Error : "timeout");
            return null;
        }
    }
}

using GtmBot.Engine;
using GtmBot.Slack.Api;
using GtmBot.Slack.OAuth;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// Name, locale and time zone of Slack users from users.info, cached (Tier 4 method, but the 3-second deadline leaves
/// no room for a call per request). A failure is cached briefly too, and never holds a turn longer than <see cref="LookupBudget"/>.
/// </summary>
/// <see href="https://docs.slack.dev/reference/methods/users.info"/>
internal sealed class SlackUserDirectory(SlackApiClient api, TimeProvider clock, ILogger<SlackUserDirectory> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LookupBudget = TimeSpan.FromMilliseconds(800);

    /// <summary>People whose look-up is cached at once.</summary>
    public const int MaxCached = 50_000;

    private readonly ExpiringCache<string, SlackUserInfo?> _cache = new(clock, Lifetime, MaxCached, StringComparer.Ordinal);

    public async Task<SlackUserInfo?> GetAsync(SlackAuth? auth, string team, string user, CancellationToken ct)
    {
        if (auth is null)
        {
            return null;
        }

        var key = team + ":" + user;
        if (_cache.TryGet(key, out var hit))
        {
            return hit;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LookupBudget);
        try
        {
            var info = await api.GetUserAsync(auth.BotToken, user, budget.Token);
            _cache.Set(key, info);
            return info;
        }
        catch (Exception e) when (e is SlackApiException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            Log.UserInfoFailed(logger, user, e is SlackApiException s ? s.Error : "timeout");
            _cache.Set(key, null, FailureLifetime);
            return null;
        }
    }
}

using GtmBot.Engine;

namespace GtmBot.Storage.Delivery;

/// <summary>The least time between two messages the bot posts to one channel, per platform. Enforced across instances by the claim query.</summary>
public static class ChannelPacing
{
    /// <summary>Slack: about one message per second per channel (chat.postMessage, "Rate limits", special rate limit).</summary>
    /// <see href="https://api.slack.com/methods/chat.postMessage#rate_limiting"/>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>Teams: 7 messages per second per conversation per bot; one every 200 ms keeps well below it.</summary>
    /// <see href="https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit#per-bot-per-thread-limit"/>
    public static readonly TimeSpan Teams = TimeSpan.FromMilliseconds(200);

    /// <summary>The local channel is our own table: no pace.</summary>
    public static readonly TimeSpan Local = TimeSpan.Zero;

    public static TimeSpan For(string platform) => platform switch
    {
        Platforms.Slack => Slack,
        Platforms.Teams => Teams,
        _ => Local,
    };
}

namespace GtmBot.Engine.Dates;

/// <summary>Time zones people choose (<c>/gtm timezone Asia/Shanghai</c>): IANA ids, kept as settings.</summary>
public static class Zones
{
    /// <summary>Setting name of a time zone, per user and on the workspace's settings channel.</summary>
    public const string Setting = "time_zone";

    /// <summary>The pseudo-channel that carries workspace-wide settings.</summary>
    public const string WorkspaceChannel = "*";

    /// <summary>Longest zone id accepted (IANA ids are far shorter).</summary>
    public const int MaxIdLength = 64;

    /// <summary>The pseudo-channel holding the workspace-wide settings of the conversation's workspace.</summary>
    public static ConversationKey WorkspaceSettings(ConversationKey conversation) => conversation.ChannelOnly with { Channel = WorkspaceChannel };

    /// <summary>The zone with this IANA (or system) id, or null when the id is empty or unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }
}

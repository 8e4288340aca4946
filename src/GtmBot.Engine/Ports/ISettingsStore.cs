using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Ports;

/// <summary>Language preferences and per-channel settings.</summary>
public interface ISettingsStore
{
    Task<Lang?> GetUserLanguageAsync(string workspaceKey, string userId, CancellationToken cancellationToken);

    Task SetUserLanguageAsync(string workspaceKey, string userId, Lang lang, CancellationToken cancellationToken);

    Task<Lang?> GetWorkspaceLanguageAsync(string workspaceKey, CancellationToken cancellationToken);

    Task SetWorkspaceLanguageAsync(string workspaceKey, Lang lang, CancellationToken cancellationToken);

    /// <summary>The language chosen for one channel only (<c>/gtm lang zh channel</c>), or null.</summary>
    Task<Lang?> GetChannelLanguageAsync(ConversationKey channel, CancellationToken cancellationToken);

    Task SetChannelLanguageAsync(ConversationKey channel, Lang lang, CancellationToken cancellationToken);

    /// <summary>A named setting of one person in a workspace (e.g. <c>time_zone</c>), or null when unset.</summary>
    Task<string?> GetUserSettingAsync(string workspaceKey, string userId, string name, CancellationToken cancellationToken);

    Task SetUserSettingAsync(string workspaceKey, string userId, string name, string? value, CancellationToken cancellationToken);

    /// <summary>A named setting of a channel (e.g. <c>quotes.common_threshold</c>), or null when unset.</summary>
    Task<string?> GetChannelSettingAsync(ConversationKey channel, string name, CancellationToken cancellationToken);

    Task SetChannelSettingAsync(ConversationKey channel, string name, string? value, CancellationToken cancellationToken);
}

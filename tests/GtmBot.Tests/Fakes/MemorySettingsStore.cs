using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Fakes;

/// <summary>Settings kept in memory for tests that need no storage: every value unset until a test sets it.</summary>
internal sealed class MemorySettingsStore : ISettingsStore
{
    private readonly Dictionary<(string, string), Lang> _userLanguages = [];
    private readonly Dictionary<string, Lang> _workspaceLanguages = [];
    private readonly Dictionary<ConversationKey, Lang> _channelLanguages = [];
    private readonly Dictionary<(string, string, string), string?> _user = [];
    private readonly Dictionary<(ConversationKey, string), string?> _channel = [];

    public Task<Lang?> GetUserLanguageAsync(string workspaceKey, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_userLanguages.TryGetValue((workspaceKey, userId), out var lang) ? lang : (Lang?)null);

    public Task SetUserLanguageAsync(string workspaceKey, string userId, Lang lang, CancellationToken cancellationToken)
    {
        _userLanguages[(workspaceKey, userId)] = lang;
        return Task.CompletedTask;
    }

    public Task<Lang?> GetWorkspaceLanguageAsync(string workspaceKey, CancellationToken cancellationToken) =>
        Task.FromResult(_workspaceLanguages.TryGetValue(workspaceKey, out var lang) ? lang : (Lang?)null);

    public Task SetWorkspaceLanguageAsync(string workspaceKey, Lang lang, CancellationToken cancellationToken)
    {
        _workspaceLanguages[workspaceKey] = lang;
        return Task.CompletedTask;
    }

    public Task<Lang?> GetChannelLanguageAsync(ConversationKey channel, CancellationToken cancellationToken) =>
        Task.FromResult(_channelLanguages.TryGetValue(channel, out var lang) ? lang : (Lang?)null);

    public Task SetChannelLanguageAsync(ConversationKey channel, Lang lang, CancellationToken cancellationToken)
    {
        _channelLanguages[channel] = lang;
        return Task.CompletedTask;
    }

    public Task<string?> GetUserSettingAsync(string workspaceKey, string userId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_user.GetValueOrDefault((workspaceKey, userId, name)));

    public Task SetUserSettingAsync(string workspaceKey, string userId, string name, string? value, CancellationToken cancellationToken)
    {
        _user[(workspaceKey, userId, name)] = value;
        return Task.CompletedTask;
    }

    public Task<string?> GetChannelSettingAsync(ConversationKey channel, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_channel.GetValueOrDefault((channel, name)));

    public Task SetChannelSettingAsync(ConversationKey channel, string name, string? value, CancellationToken cancellationToken)
    {
        _channel[(channel, name)] = value;
        return Task.CompletedTask;
    }
}

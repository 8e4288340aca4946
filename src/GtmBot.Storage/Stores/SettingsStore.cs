using System.Collections.Concurrent;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Stores;

internal sealed class SettingsStore(IGtmDbFactory db, TimeProvider clock) : ISettingsStore
{
    private const string UserScope = "user";
    private const string WorkspaceScope = "workspace";
    private const string ChannelScope = "channel";
    private const string LanguageName = "lang";

    /// <summary>
    /// Language look-ups run on every turn, so they are cached this long. A change made here is seen at once; one made by
    /// another instance within this time.
    /// </summary>
    public static readonly TimeSpan LanguageCacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Workspace, string Scope, string Subject), (Lang? Lang, DateTimeOffset Expires)> _languages = new();

    public Task<Lang?> GetUserLanguageAsync(string workspaceKey, string userId, CancellationToken cancellationToken) =>
        GetLanguageAsync(workspaceKey, UserScope, userId, cancellationToken);

    public Task SetUserLanguageAsync(string workspaceKey, string userId, Lang lang, CancellationToken cancellationToken) =>
        SetLanguageAsync(workspaceKey, UserScope, userId, lang, cancellationToken);

    public Task<Lang?> GetWorkspaceLanguageAsync(string workspaceKey, CancellationToken cancellationToken) =>
        GetLanguageAsync(workspaceKey, WorkspaceScope, string.Empty, cancellationToken);

    public Task SetWorkspaceLanguageAsync(string workspaceKey, Lang lang, CancellationToken cancellationToken) =>
        SetLanguageAsync(workspaceKey, WorkspaceScope, string.Empty, lang, cancellationToken);

    public Task<Lang?> GetChannelLanguageAsync(ConversationKey channel, CancellationToken cancellationToken) =>
        GetLanguageAsync(channel.WorkspaceKey, ChannelScope, channel.Channel, cancellationToken);

    public Task SetChannelLanguageAsync(ConversationKey channel, Lang lang, CancellationToken cancellationToken) =>
        SetLanguageAsync(channel.WorkspaceKey, ChannelScope, channel.Channel, lang, cancellationToken);

    public Task<string?> GetUserSettingAsync(string workspaceKey, string userId, string name, CancellationToken cancellationToken) =>
        GetAsync(workspaceKey, UserScope, userId, name, cancellationToken);

    public Task SetUserSettingAsync(string workspaceKey, string userId, string name, string? value, CancellationToken cancellationToken) =>
        SetAsync(workspaceKey, UserScope, userId, name, value, cancellationToken);

    public Task<string?> GetChannelSettingAsync(ConversationKey channel, string name, CancellationToken cancellationToken) =>
        GetAsync(channel.WorkspaceKey, ChannelScope, channel.Channel, name, cancellationToken);

    public Task SetChannelSettingAsync(ConversationKey channel, string name, string? value, CancellationToken cancellationToken) =>
        SetAsync(channel.WorkspaceKey, ChannelScope, channel.Channel, name, value, cancellationToken);

    private async Task<Lang?> GetLanguageAsync(string workspaceKey, string scope, string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_languages.TryGetValue((workspaceKey, scope, subject), out var cached) && cached.Expires > now)
        {
            return cached.Lang;
        }

        var lang = Culture.Parse(await GetAsync(workspaceKey, scope, subject, LanguageName, cancellationToken));
        _languages[(workspaceKey, scope, subject)] = (lang, now + LanguageCacheLifetime);
        return lang;
    }

    private async Task SetLanguageAsync(string workspaceKey, string scope, string subject, Lang lang, CancellationToken cancellationToken)
    {
        await SetAsync(workspaceKey, scope, subject, LanguageName, Culture.Code(lang), cancellationToken);
        _languages[(workspaceKey, scope, subject)] = (lang, clock.GetUtcNow() + LanguageCacheLifetime);
    }

    private async Task<string?> GetAsync(string workspaceKey, string scope, string subject, string name, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await ctx.Set<SettingEntity>().AsNoTracking()
            .Where(s => s.WorkspaceKey == workspaceKey && s.Scope == scope && s.Subject == subject && s.Name == name)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task SetAsync(string workspaceKey, string scope, string subject, string name, string? value, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<SettingEntity>()
            .FirstOrDefaultAsync(s => s.WorkspaceKey == workspaceKey && s.Scope == scope && s.Subject == subject && s.Name == name, cancellationToken);
        if (row is null)
        {
            row = new SettingEntity { WorkspaceKey = workspaceKey, Scope = scope, Subject = subject, Name = name };
            ctx.Add(row);
        }

        row.Value = value;
        row.UpdatedAt = clock.GetUtcNow();
        await ctx.SaveChangesAsync(cancellationToken);
    }
}

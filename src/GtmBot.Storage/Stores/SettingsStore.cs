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

    public async Task<Lang?> GetUserLanguageAsync(string workspaceKey, string userId, CancellationToken cancellationToken) =>
        Culture.Parse(await GetAsync(workspaceKey, UserScope, userId, LanguageName, cancellationToken));

    public Task SetUserLanguageAsync(string workspaceKey, string userId, Lang lang, CancellationToken cancellationToken) =>
        SetAsync(workspaceKey, UserScope, userId, LanguageName, Culture.Code(lang), cancellationToken);

    public async Task<Lang?> GetWorkspaceLanguageAsync(string workspaceKey, CancellationToken cancellationToken) =>
        Culture.Parse(await GetAsync(workspaceKey, WorkspaceScope, string.Empty, LanguageName, cancellationToken));

    public Task SetWorkspaceLanguageAsync(string workspaceKey, Lang lang, CancellationToken cancellationToken) =>
        SetAsync(workspaceKey, WorkspaceScope, string.Empty, LanguageName, Culture.Code(lang), cancellationToken);

    public Task<string?> GetChannelSettingAsync(ConversationKey channel, string name, CancellationToken cancellationToken) =>
        GetAsync(channel.WorkspaceKey, ChannelScope, channel.Channel, name, cancellationToken);

    public Task SetChannelSettingAsync(ConversationKey channel, string name, string? value, CancellationToken cancellationToken) =>
        SetAsync(channel.WorkspaceKey, ChannelScope, channel.Channel, name, value, cancellationToken);

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

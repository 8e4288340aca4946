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
    /// Language and time-zone look-ups run on every turn (five per turn), so every subject's settings are cached this long,
    /// found or not. A change made through this store is seen at once (the subject's entry is dropped on write); one made by
    /// another instance within this time.
    /// </summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Cached subjects before the cache starts over (a bound on memory, far above a workspace's people and channels).</summary>
    public const int MaxCached = 100_000;

    /// <summary>
    /// Longest key (workspace, scope and subject together) that is cached. Platform ids are short; a request naming a much
    /// longer one is read from the database each time, so oversized ids cannot fill the cache with large keys.
    /// </summary>
    public const int MaxCachedKeyLength = 512;

    /// <summary>
    /// All of one subject's settings (a person's language and time zone, a channel's language, threshold and LLM switch), read
    /// at once: a turn asks for several names of the same subject, and once the entry has expired each name was a query of its
    /// own. A subject's names are the product's own constants, a handful each, so an entry stays small.
    /// </summary>
    private readonly ExpiringCache<(string Workspace, string Scope, string Subject), IReadOnlyDictionary<string, string?>> _cache = new(clock, CacheLifetime, MaxCached);

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

    private async Task<Lang?> GetLanguageAsync(string workspaceKey, string scope, string subject, CancellationToken cancellationToken) =>
        Culture.Parse(await GetAsync(workspaceKey, scope, subject, LanguageName, cancellationToken));

    private Task SetLanguageAsync(string workspaceKey, string scope, string subject, Lang lang, CancellationToken cancellationToken) =>
        SetAsync(workspaceKey, scope, subject, LanguageName, Culture.Code(lang), cancellationToken);

    private async Task<string?> GetAsync(string workspaceKey, string scope, string subject, string name, CancellationToken cancellationToken) =>
        (await SubjectAsync(workspaceKey, scope, subject, cancellationToken)).GetValueOrDefault(name);

    private async Task<IReadOnlyDictionary<string, string?>> SubjectAsync(string workspaceKey, string scope, string subject, CancellationToken cancellationToken)
    {
        var key = (workspaceKey, scope, subject);
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var removals = _cache.Removals;
        await using var ctx = db.Create();
        var rows = await ctx.Set<SettingEntity>().AsNoTracking()
            .Where(s => s.WorkspaceKey == workspaceKey && s.Scope == scope && s.Subject == subject)
            .Select(s => new { s.Name, s.Value })
            .ToListAsync(cancellationToken);
        var settings = rows.ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
        if (workspaceKey.Length + scope.Length + subject.Length <= MaxCachedKeyLength)
        {
            // Not when a write dropped an entry while this read ran: what it read may be older than that write.
            _cache.SetUnlessRemovedSince(removals, key, settings);
        }

        return settings;
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
        try
        {
            await ctx.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // Whether it committed or not is only known from the database now: the next read of the subject asks it.
            _cache.Remove((workspaceKey, scope, subject));
        }
    }
}

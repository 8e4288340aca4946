using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Installations;

internal sealed class InstallationStore(IGtmDbFactory db, TimeProvider clock) : IInstallationStore
{
    /// <summary>
    /// Every Slack request with OAuth installs looks its workspace up, so look-ups (found or not) are cached this long.
    /// A save or delete in this instance is seen at once; one made by another instance within this time.
    /// </summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Workspaces whose look-up is cached at once.</summary>
    public const int MaxCachedWorkspaces = 10_000;

    private readonly ExpiringCache<string, Installation?> _cache = new(clock, CacheLifetime, MaxCachedWorkspaces, StringComparer.Ordinal);

    public async Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var key = installation.WorkspaceKey;
        var row = await ctx.Set<InstallationEntity>().SingleOrDefaultAsync(e => e.WorkspaceKey == key && e.Channel == string.Empty, cancellationToken);
        if (row is null)
        {
            row = new InstallationEntity { WorkspaceKey = key, Platform = installation.Platform, Workspace = installation.Workspace, ProtectedToken = installation.ProtectedToken };
            ctx.Add(row);
        }

        row.EnterpriseId = installation.EnterpriseId;
        row.IsEnterpriseInstall = installation.IsEnterpriseInstall;
        row.ProtectedToken = installation.ProtectedToken;
        row.BotUserId = installation.BotUserId;
        row.BotId = installation.BotId;
        row.Scopes = installation.Scopes;
        row.InstalledBy = installation.InstalledBy;
        row.InstalledAt = installation.InstalledAt;
        await ctx.SaveChangesAsync(cancellationToken);
        _cache.Remove(key);
    }

    public async Task<Installation?> FindAsync(string platform, string workspace, CancellationToken cancellationToken)
    {
        var key = $"{platform}:{workspace}";
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        await using var ctx = db.Create();
        var e = await ctx.Set<InstallationEntity>().AsNoTracking().SingleOrDefaultAsync(x => x.WorkspaceKey == key && x.Channel == string.Empty, cancellationToken);
        var found = e is null ? null : new Installation(e.Platform, e.Workspace, e.EnterpriseId, e.IsEnterpriseInstall, e.ProtectedToken, e.BotUserId, e.BotId, e.Scopes, e.InstalledBy, e.InstalledAt);
        _cache.Set(key, found);
        return found;
    }

    public async Task<bool> DeleteAsync(string platform, string workspace, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var key = $"{platform}:{workspace}";
        var deleted = await ctx.Set<InstallationEntity>().Where(x => x.WorkspaceKey == key && x.Channel == string.Empty).ExecuteDeleteAsync(cancellationToken) > 0;
        _cache.Remove(key);
        return deleted;
    }
}

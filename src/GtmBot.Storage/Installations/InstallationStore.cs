using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Installations;

internal sealed class InstallationStore(IGtmDbFactory db) : IInstallationStore
{
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
    }

    public async Task<Installation?> FindAsync(string platform, string workspace, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var key = $"{platform}:{workspace}";
        var e = await ctx.Set<InstallationEntity>().AsNoTracking().SingleOrDefaultAsync(x => x.WorkspaceKey == key && x.Channel == string.Empty, cancellationToken);
        return e is null ? null : new Installation(e.Platform, e.Workspace, e.EnterpriseId, e.IsEnterpriseInstall, e.ProtectedToken, e.BotUserId, e.BotId, e.Scopes, e.InstalledBy, e.InstalledAt);
    }

    public async Task<bool> DeleteAsync(string platform, string workspace, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var key = $"{platform}:{workspace}";
        return await ctx.Set<InstallationEntity>().Where(x => x.WorkspaceKey == key && x.Channel == string.Empty).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}

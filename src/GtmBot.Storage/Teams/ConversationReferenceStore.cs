using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Teams;

internal sealed class ConversationReferenceStore(IGtmDbFactory db, TimeProvider clock) : IConversationReferenceStore
{
    public async Task<bool> SaveAsync(ConversationKey channel, string reference, CancellationToken cancellationToken)
    {
        var key = channel.ChannelOnly;
        await using var ctx = db.Create();
        var row = await ctx.Set<ConversationReferenceEntity>()
            .FirstOrDefaultAsync(r => r.WorkspaceKey == key.WorkspaceKey && r.Channel == key.Channel, cancellationToken);
        var now = clock.GetUtcNow();
        if (row is not null)
        {
            if (row.Reference != reference)
            {
                row.Reference = reference;
                row.UpdatedAt = now;
                await ctx.SaveChangesAsync(cancellationToken);
            }

            return false;
        }

        ctx.Add(new ConversationReferenceEntity { WorkspaceKey = key.WorkspaceKey, Channel = key.Channel, Reference = reference, CreatedAt = now, UpdatedAt = now });
        try
        {
            await ctx.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two first activities of a new conversation raced; the other one stored it.
            if (await ExistsAsync(key, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<string?> GetAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var key = channel.ChannelOnly;
        await using var ctx = db.Create();
        return await ctx.Set<ConversationReferenceEntity>().AsNoTracking()
            .Where(r => r.WorkspaceKey == key.WorkspaceKey && r.Channel == key.Channel)
            .Select(r => r.Reference)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<string?> GetLatestInWorkspaceAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset column. A workspace holds one row per channel and person.
        await using var ctx = db.Create();
        var rows = await ctx.Set<ConversationReferenceEntity>().AsNoTracking()
            .Where(r => r.WorkspaceKey == workspaceKey)
            .Select(r => new { r.UpdatedAt, r.Reference })
            .ToListAsync(cancellationToken);
        return rows.MaxBy(r => r.UpdatedAt)?.Reference;
    }

    public async Task DeleteAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var key = channel.ChannelOnly;
        await using var ctx = db.Create();
        await ctx.Set<ConversationReferenceEntity>()
            .Where(r => r.WorkspaceKey == key.WorkspaceKey && r.Channel == key.Channel)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await ctx.Set<ConversationReferenceEntity>().AnyAsync(r => r.WorkspaceKey == key.WorkspaceKey && r.Channel == key.Channel, cancellationToken);
    }
}

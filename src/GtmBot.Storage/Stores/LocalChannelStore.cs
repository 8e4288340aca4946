using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Stores;

/// <summary>A message kept in a local channel, with its id and time.</summary>
public sealed record LocalMessage(long Id, string? ArtefactKey, Reply Reply, DateTimeOffset UpdatedAt);

/// <summary>The messages of the local channel page: channel replies appended, artefacts updated in place.</summary>
public sealed class LocalChannelStore(IGtmDbFactory db, TimeProvider clock)
{
    /// <summary>Most messages a channel page loads at once.</summary>
    public const int MaxMessagesLoaded = 200;

    /// <summary>Appends a reply, or replaces the channel's artefact with the same key. Returns the message id.</summary>
    public async Task<long> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var json = JsonSerializer.Serialize(reply, StorageJson.Options);
        var artefact = reply.Placement == ReplyPlacement.Artefact ? reply.ArtefactKey : null;
        await using var ctx = db.Create();
        LocalMessageEntity? row = null;
        if (artefact is not null)
        {
            row = await ctx.Set<LocalMessageEntity>()
                .FirstOrDefaultAsync(m => m.WorkspaceKey == channel.WorkspaceKey && m.Channel == channel.Channel && m.ArtefactKey == artefact, cancellationToken);
        }

        if (row is null)
        {
            row = new LocalMessageEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel, ArtefactKey = artefact, ReplyJson = json, CreatedAt = now };
            ctx.Add(row);
        }

        row.ReplyJson = json;
        row.UpdatedAt = now;
        await ctx.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>The latest messages of a channel, oldest first; with <paramref name="after"/>, only newer ones plus the artefacts (they change in place).</summary>
    public async Task<IReadOnlyList<LocalMessage>> ListAsync(ConversationKey channel, CancellationToken cancellationToken, long? after = null)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<LocalMessageEntity>().AsNoTracking()
            .Where(m => m.WorkspaceKey == channel.WorkspaceKey && m.Channel == channel.Channel)
            .Where(m => after == null || m.Id > after || m.ArtefactKey != null)
            .OrderByDescending(m => m.Id)
            .Take(MaxMessagesLoaded)
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return [.. rows.Select(r => new LocalMessage(r.Id, r.ArtefactKey, JsonSerializer.Deserialize<Reply>(r.ReplyJson, StorageJson.Options)!, r.UpdatedAt))];
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Stores;

/// <summary>A message kept in a local channel, with its id and time; <paramref name="Author"/> is set for a person's typed command.</summary>
public sealed record LocalMessage(long Id, string? ArtefactKey, Reply Reply, DateTimeOffset UpdatedAt, string? Author = null);

/// <summary>The messages of the local channel page: channel replies appended, artefacts updated in place.</summary>
public sealed class LocalChannelStore(IGtmDbFactory db, TimeProvider clock)
{
    /// <summary>Most messages a channel page loads at once.</summary>
    public const int MaxMessagesLoaded = 200;

    /// <summary>Longest typed command kept in a channel's history (the local API's body limit bounds it too).</summary>
    public const int MaxCommandLength = 4000;

    private readonly ConcurrentDictionary<(string Workspace, string Channel), TaskCompletionSource> _changes = new();

    /// <summary>Appends a reply, or replaces the channel's artefact with the same key. Returns the message id.</summary>
    public Task<long> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken) =>
        SaveAsync(channel, reply, author: null, cancellationToken);

    /// <summary>Keeps a command <paramref name="author"/> typed in the channel, so its history shows both sides after a reload.</summary>
    public async Task<LocalMessage> PostCommandAsync(ConversationKey channel, string author, string text, CancellationToken cancellationToken)
    {
        var kept = text.Length > MaxCommandLength ? text[..MaxCommandLength] + "…" : text;
        var reply = new Reply([new TextBlock(Markup.Escape(kept))], kept);
        var id = await SaveAsync(channel, reply, author, cancellationToken);
        return new LocalMessage(id, null, reply, clock.GetUtcNow(), author);
    }

    /// <summary>
    /// Completes when the channel next gets or changes a message in this process. Take it before reading the channel, so a
    /// message saved in between is not missed; writes by other instances are seen by reading again after a while.
    /// </summary>
    public Task ChangedAsync(ConversationKey channel) =>
        _changes.GetOrAdd((channel.WorkspaceKey, channel.Channel), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private async Task<long> SaveAsync(ConversationKey channel, Reply reply, string? author, CancellationToken cancellationToken)
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
            row = new LocalMessageEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel, ArtefactKey = artefact, ReplyJson = json, Author = author, CreatedAt = now };
            ctx.Add(row);
        }

        row.ReplyJson = json;
        row.UpdatedAt = now;
        await ctx.SaveChangesAsync(cancellationToken);
        Changed(channel);
        return row.Id;
    }

    /// <summary>
    /// Replaces message <paramref name="id"/> of the channel — a card changed by one of its own buttons — keeping its id and
    /// place; a message that is not the channel's bot message (gone, a living card, a typed command) gets a new one instead.
    /// </summary>
    public async Task<long> ReplaceAsync(ConversationKey channel, long id, Reply reply, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<LocalMessageEntity>().FirstOrDefaultAsync(
            m => m.Id == id && m.WorkspaceKey == channel.WorkspaceKey && m.Channel == channel.Channel && m.ArtefactKey == null && m.Author == null,
            cancellationToken);
        if (row is null)
        {
            return await PostAsync(channel, reply with { Placement = ReplyPlacement.NewMessage }, cancellationToken);
        }

        row.ReplyJson = JsonSerializer.Serialize(reply, StorageJson.Options);
        row.UpdatedAt = clock.GetUtcNow();
        await ctx.SaveChangesAsync(cancellationToken);
        Changed(channel);
        return row.Id;
    }

    private void Changed(ConversationKey channel)
    {
        if (_changes.TryRemove((channel.WorkspaceKey, channel.Channel), out var waiters))
        {
            waiters.TrySetResult();
        }
    }

    /// <summary>
    /// The latest messages of a channel, oldest first; with <paramref name="after"/>, only newer ones plus those that change in
    /// place (the artefacts, and messages replaced since they were posted).
    /// </summary>
    public async Task<IReadOnlyList<LocalMessage>> ListAsync(ConversationKey channel, CancellationToken cancellationToken, long? after = null)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<LocalMessageEntity>().AsNoTracking()
            .Where(m => m.WorkspaceKey == channel.WorkspaceKey && m.Channel == channel.Channel)
            .Where(m => after == null || m.Id > after || m.ArtefactKey != null || m.UpdatedAt != m.CreatedAt)
            .OrderByDescending(m => m.Id)
            .Take(MaxMessagesLoaded)
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return [.. rows.Select(r => new LocalMessage(r.Id, r.ArtefactKey, JsonSerializer.Deserialize<Reply>(r.ReplyJson, StorageJson.Options)!, r.UpdatedAt, r.Author))];
    }
}

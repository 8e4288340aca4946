using GtmBot.Engine.Ports;
using GtmBot.Storage.Entities;
using GtmBot.Storage.Writes;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Stores;

/// <summary>
/// The inbound events table. A row without <see cref="InboundEventEntity.DoneAt"/> is an attempt in progress; one older than
/// <see cref="AbandonedAfter"/> belongs to an instance that died mid-request and is taken over by the next delivery.
/// The claim goes through the <see cref="GroupCommitWriter"/> (a shared commit), and the "done" mark rides with the
/// handler's own write when it makes one (<see cref="CompleteWithNextWrite"/>).
/// </summary>
internal sealed class InboundDedupe(IGtmDbFactory db, GroupCommitWriter writer, TimeProvider clock) : IInboundDedupe
{
    /// <summary>
    /// An attempt in progress for longer than this is taken to be dead. Longer than any request budget (Slack acks in 3 s,
    /// Teams in 15 s), shorter than Slack's second retry (1 minute).
    /// </summary>
    /// <see href="https://docs.slack.dev/apis/events-api/#retries"/>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);

    /// <summary>Longest stored id; longer keys keep their start and a hash of the whole.</summary>
    public const int MaxKeyLength = 200;

    public async Task<bool> TryBeginAsync(InboundEventKey key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        var now = clock.GetUtcNow();
        try
        {
            return await writer.WriteAsync<bool>(
                ctx =>
                {
                    ctx.Add(new InboundEventEntity { Platform = key.Platform, EventId = id, SeenAt = now });
                    return () => true;
                },
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            await using var check = db.Create();
            var row = await check.Set<InboundEventEntity>().AsNoTracking().FirstOrDefaultAsync(e => e.Platform == key.Platform && e.EventId == id, cancellationToken);
            if (row is null)
            {
                throw;
            }

            if (row.DoneAt is not null || now - row.SeenAt < AbandonedAfter)
            {
                return false;
            }

            // Take over a dead attempt; of two takers only one matches the old time.
            var seen = row.SeenAt;
            var taken = await check.Set<InboundEventEntity>()
                .Where(e => e.Platform == key.Platform && e.EventId == id && e.DoneAt == null && e.SeenAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.SeenAt, now), cancellationToken);
            return taken == 1;
        }
    }

    public async Task CompleteAsync(InboundEventKey key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        var now = clock.GetUtcNow();
        await using var ctx = db.Create();
        await ctx.Set<InboundEventEntity>().Where(e => e.Platform == key.Platform && e.EventId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DoneAt, now), cancellationToken);
    }

    public Func<bool> CompleteWithNextWrite(InboundEventKey key)
    {
        var id = Id(key);
        return writer.RideWithNextWrite(ctx =>
        {
            // Only DoneAt is written (UPDATE … WHERE key): the row is this attempt's own claim, made moments before.
            var row = new InboundEventEntity { Platform = key.Platform, EventId = id };
            ctx.Attach(row);
            row.DoneAt = clock.GetUtcNow();
        });
    }

    public async Task AbandonAsync(InboundEventKey key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var ctx = db.Create();
        await ctx.Set<InboundEventEntity>().Where(e => e.Platform == key.Platform && e.EventId == id && e.DoneAt == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Workspace, conversation and id in one column (the key stays as it was: platform + id).</summary>
    internal static string Id(InboundEventKey key)
    {
        var id = $"{key.Workspace}|{key.Conversation}|{key.EventId}";
        if (id.Length <= MaxKeyLength)
        {
            return id;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
        return id[..(MaxKeyLength - hash.Length - 1)] + "#" + hash;
    }
}

using System.Globalization;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Delivery;

/// <summary>A claimed outbox row, as the dispatcher delivers it.</summary>
public sealed record OutboxItem(long Id, ConversationKey Conversation, Reply Reply, string? ArtefactKey, string? IdempotencyKey, int Attempts, int Throttles, string? PlatformMessageId)
{
    /// <summary>When the row was written; retries stop after the retry window counted from here.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>An earlier attempt may have been carried out by the platform (see <see cref="OutboxEntity.Unsure"/>).</summary>
    public bool Unsure { get; init; }

    public string ChannelKey => $"{Conversation.WorkspaceKey}|{Conversation.Channel}";
}

/// <summary>
/// The durable outbox: <see cref="IOutbox"/> for the engine, and the claim/complete/retry operations the dispatcher runs.
/// A claim sets a lease (owner + expiry) in one statement: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so instances claiming at once
/// take disjoint rows; SQLite has a single writer, so its conditional UPDATE is already exclusive. A crashed instance's rows come back
/// when their lease expires.
/// </summary>
public sealed class OutboxStore(IGtmDbFactory db, TimeProvider clock) : IOutbox, IDeliveryStatus
{
    /// <summary>When set, <see cref="EnqueueAsync"/> commits through it (a shared commit, and the same unit as rows riding along).</summary>
    internal Writes.GroupCommitWriter? Writer { get; init; }

    public async Task EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var conversation = message.Conversation;
        await using var ctx = db.Create();
        if (message.IdempotencyKey is not null && await ExistsAsync(ctx, conversation, message.IdempotencyKey, cancellationToken))
        {
            return;
        }

        var row = ToEntity(message, clock.GetUtcNow());
        try
        {
            if (Writer is { } writer)
            {
                await writer.WriteAsync<bool>(
                    c =>
                    {
                        c.Add(ToEntity(message, row.CreatedAt));
                        return () => true;
                    },
                    cancellationToken);
            }
            else
            {
                ctx.Add(row);
                await ctx.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException) when (message.IdempotencyKey is not null)
        {
            // Two writers raced on the same key: the unique index kept one; the loser's message is the same message.
            await using var check = db.Create();
            if (!await ExistsAsync(check, conversation, message.IdempotencyKey, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// Enqueues several messages in one round trip (the scheduler's batch). If one of them was enqueued before (its idempotency
    /// key exists, e.g. a reminder fired again after a lost lease), the batch falls back to one-by-one, which skips it.
    /// </summary>
    public async Task EnqueueManyAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        try
        {
            await using var ctx = db.Create();
            ctx.AddRange(messages.Select(m => ToEntity(m, now)));
            await ctx.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            foreach (var message in messages)
            {
                await EnqueueAsync(message, cancellationToken);
            }
        }
    }

    internal static OutboxEntity ToEntity(OutboundMessage message, DateTimeOffset now) => new()
    {
        WorkspaceKey = message.Conversation.WorkspaceKey,
        Channel = message.Conversation.Channel,
        Platform = message.Conversation.Platform,
        ConversationJson = JsonSerializer.Serialize(message.Conversation, StorageJson.Options),
        ReplyJson = JsonSerializer.Serialize(message.Reply, StorageJson.Options),
        // A person's direct messages have no living message to update: an artefact sent to one is an ordinary post.
        ArtefactKey = message.Reply.Placement == ReplyPlacement.Artefact && !message.Conversation.IsDirect ? message.Reply.ArtefactKey : null,
        IdempotencyKey = message.IdempotencyKey,
        CreatedAt = now,
        NextAttemptAtMs = now.ToUnixTimeMilliseconds(),
    };

    private static Task<bool> ExistsAsync(GtmDbContext ctx, ConversationKey conversation, string key, CancellationToken cancellationToken) =>
        ctx.Set<OutboxEntity>().AnyAsync(o => o.WorkspaceKey == conversation.WorkspaceKey && o.Channel == conversation.Channel && o.IdempotencyKey == key, cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due rows to <paramref name="owner"/>. Skips channels that have a row in flight or
    /// got a message within their platform's pace (<paramref name="pacing"/>, each messenger's
    /// <see cref="IPlatformMessenger.Pacing"/>), so the pace holds across instances. A platform not in the map has no pace.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken, IReadOnlyDictionary<string, TimeSpan>? pacing = null)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lockClause = db.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var pace = PaceSql(pacing);
        var sql = $$"""
            UPDATE "outbox" SET "LeaseOwner" = {0}, "LeaseUntilMs" = {1}, "Unsure" = ("Unsure" OR "LeaseUntilMs" IS NOT NULL)
            WHERE "Id" IN (
                SELECT o."Id" FROM "outbox" o
                WHERE o."DeliveredAtMs" IS NULL AND o."DeadLettered" = FALSE AND o."NextAttemptAtMs" <= {2}
                  AND (o."LeaseUntilMs" IS NULL OR o."LeaseUntilMs" < {2})
                  AND NOT EXISTS (SELECT 1 FROM "outbox" f WHERE f."WorkspaceKey" = o."WorkspaceKey" AND f."Channel" = o."Channel"
                                  AND f."DeliveredAtMs" IS NULL AND f."LeaseUntilMs" >= {2})
                  AND NOT EXISTS (SELECT 1 FROM "outbox" s WHERE s."WorkspaceKey" = o."WorkspaceKey" AND s."Channel" = o."Channel"
                                  AND s."SentAtMs" > {2} - {{pace}})
                ORDER BY o."NextAttemptAtMs", o."Id"
                LIMIT {3}
                {{lockClause}})
            RETURNING *
            """;
        await using var ctx = db.Create();
        var rows = await ctx.Set<OutboxEntity>()
            .FromSqlRaw(sql, owner, now + (long)lease.TotalMilliseconds, now, max)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Id).Select(r => new OutboxItem(
            r.Id,
            JsonSerializer.Deserialize<ConversationKey>(r.ConversationJson, StorageJson.Options)!,
            JsonSerializer.Deserialize<Reply>(r.ReplyJson, StorageJson.Options)!,
            r.ArtefactKey,
            r.IdempotencyKey,
            r.Attempts,
            r.Throttles,
            r.PlatformMessageId) { CreatedAt = r.CreatedAt, Unsure = r.Unsure })];
    }

    /// <summary>The pace per platform as a SQL expression over <c>o."Platform"</c>, in milliseconds.</summary>
    private static string PaceSql(IReadOnlyDictionary<string, TimeSpan>? pacing)
    {
        var paced = (pacing ?? new Dictionary<string, TimeSpan>()).Where(p => p.Value > TimeSpan.Zero).ToList();
        if (paced.Count == 0)
        {
            return "0";
        }

        var sql = new System.Text.StringBuilder("CASE o.\"Platform\"");
        foreach (var (platform, pace) in paced)
        {
            // Platform names are the edges' own constants; anything else would be a programming error, not input.
            if (!platform.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"Not a platform name: {platform}", nameof(pacing));
            }

            sql.Append(CultureInfo.InvariantCulture, $" WHEN '{platform}' THEN {(long)pace.TotalMilliseconds}");
        }

        return sql.Append(" ELSE 0 END").ToString();
    }

    /// <summary>The platform message currently showing the channel's artefact, if any.</summary>
    public async Task<string?> GetArtefactMessageIdAsync(ConversationKey channel, string artefactKey, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await ctx.Set<ArtefactMessageEntity>().AsNoTracking()
            .Where(a => a.WorkspaceKey == channel.WorkspaceKey && a.Channel == channel.Channel && a.ArtefactKey == artefactKey)
            .Select(a => a.PlatformMessageId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when a newer update of the same artefact waits: this one need not be delivered.</summary>
    public async Task<bool> HasNewerArtefactUpdateAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var c = item.Conversation;
        await using var ctx = db.Create();
        return await ctx.Set<OutboxEntity>().AnyAsync(
            o => o.WorkspaceKey == c.WorkspaceKey && o.Channel == c.Channel && o.ArtefactKey == item.ArtefactKey
                && o.Id > item.Id && o.DeliveredAtMs == null && !o.DeadLettered,
            cancellationToken);
    }

    /// <summary>
    /// Records the platform's message id and marks the row done, in one transaction with the artefact's message id;
    /// older pending updates of the same artefact are superseded.
    /// </summary>
    public async Task CompleteAsync(OutboxItem item, string owner, string platformMessageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var c = item.Conversation;
        await using var ctx = db.Create();
        await using var tx = item.ArtefactKey is null ? null : await ctx.Database.BeginTransactionAsync(cancellationToken);
        await ctx.Set<OutboxEntity>().Where(o => o.Id == item.Id && o.WorkspaceKey == c.WorkspaceKey && o.Channel == c.Channel).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.PlatformMessageId, platformMessageId)
                .SetProperty(o => o.SentAtMs, nowMs)
                .SetProperty(o => o.DeliveredAtMs, nowMs)
                .SetProperty(o => o.LeaseUntilMs, (long?)null)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LastError, (string?)null),
            cancellationToken);
        if (item.ArtefactKey is { } key)
        {
            var row = await ctx.Set<ArtefactMessageEntity>()
                .FirstOrDefaultAsync(a => a.WorkspaceKey == c.WorkspaceKey && a.Channel == c.Channel && a.ArtefactKey == key, cancellationToken);
            if (row is null)
            {
                ctx.Add(new ArtefactMessageEntity { WorkspaceKey = c.WorkspaceKey, Channel = c.Channel, ArtefactKey = key, PlatformMessageId = platformMessageId, UpdatedAt = now });
            }
            else
            {
                row.PlatformMessageId = platformMessageId;
                row.UpdatedAt = now;
            }

            await ctx.SaveChangesAsync(cancellationToken);
            await ctx.Set<OutboxEntity>()
                .Where(o => o.WorkspaceKey == c.WorkspaceKey && o.Channel == c.Channel && o.ArtefactKey == key && o.Id < item.Id
                    && o.DeliveredAtMs == null && !o.DeadLettered && (o.LeaseUntilMs == null || o.LeaseUntilMs < nowMs))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DeliveredAtMs, nowMs).SetProperty(o => o.Superseded, true), cancellationToken);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Marks the row done without sending: a newer update of its artefact replaces it.</summary>
    public Task SupersedeAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return UpdateAsync(item, s => s.SetProperty(o => o.DeliveredAtMs, nowMs).SetProperty(o => o.Superseded, true), cancellationToken);
    }

    /// <summary>Gives the row back for another attempt at <paramref name="notBefore"/>.</summary>
    /// <param name="failed">Counts as a failed attempt.</param>
    /// <param name="throttled">Counts as a rate-limit answer.</param>
    /// <param name="unsure">The attempt may have reached the platform: the next one reconciles before posting.</param>
    public Task RetryLaterAsync(OutboxItem item, DateTimeOffset notBefore, bool failed, bool throttled, string? error, CancellationToken cancellationToken, bool unsure = false)
    {
        var next = notBefore.ToUnixTimeMilliseconds();
        var attempts = item.Attempts + (failed ? 1 : 0);
        var throttles = item.Throttles + (throttled ? 1 : 0);
        var stillUnsure = item.Unsure || unsure;
        return UpdateAsync(
            item,
            s => s.SetProperty(o => o.NextAttemptAtMs, next)
                .SetProperty(o => o.Attempts, attempts)
                .SetProperty(o => o.Throttles, throttles)
                .SetProperty(o => o.Unsure, stillUnsure)
                .SetProperty(o => o.LastError, Truncate(error)),
            cancellationToken);
    }

    /// <summary>Rows waiting for delivery and rows in the dead letter, over all workspaces or one.</summary>
    public async Task<OutboxCounts> CountAsync(string? workspaceKey, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = ctx.Set<OutboxEntity>().AsNoTracking().Where(o => workspaceKey == null || o.WorkspaceKey == workspaceKey);
        var pending = await rows.CountAsync(o => o.DeliveredAtMs == null && !o.DeadLettered, cancellationToken);
        var dead = await rows.CountAsync(o => o.DeadLettered, cancellationToken);
        return new OutboxCounts(pending, dead);
    }

    /// <summary>The newest dead letters of a workspace, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string workspaceKey, int max, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<OutboxEntity>().AsNoTracking()
            .Where(o => o.WorkspaceKey == workspaceKey && o.DeadLettered)
            .OrderByDescending(o => o.Id)
            .Take(max)
            .Select(o => new { o.Id, o.Channel, o.CreatedAt, o.Attempts, o.Throttles, o.LastError })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DeadLetter(r.Id, r.Channel, r.CreatedAt, r.Attempts + r.Throttles, r.LastError))];
    }

    /// <summary>What became of one message, found by its idempotency key.</summary>
    public async Task<MessageDelivery?> StateAsync(ConversationKey conversation, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<OutboxEntity>().AsNoTracking()
            .Where(o => o.WorkspaceKey == conversation.WorkspaceKey && o.Channel == conversation.Channel && o.IdempotencyKey == idempotencyKey)
            .Select(o => new { o.DeliveredAtMs, o.DeadLettered, o.Attempts, o.Throttles, o.LastError })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var state = row.DeadLettered ? DeliveryState.Dead : row.DeliveredAtMs is null ? DeliveryState.Pending : DeliveryState.Delivered;
        return new MessageDelivery(state, row.Attempts + row.Throttles, row.LastError);
    }

    /// <summary>Gives up on the row: it stays in the table, flagged, with the last error.</summary>
    public Task DeadLetterAsync(OutboxItem item, string error, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        return UpdateAsync(item, s => s.SetProperty(o => o.DeadLettered, true).SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, Truncate(error)), cancellationToken);
    }

    private async Task UpdateAsync(
        OutboxItem item,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxEntity>> set,
        CancellationToken cancellationToken)
    {
        var c = item.Conversation;
        await using var ctx = db.Create();
        await ctx.Set<OutboxEntity>().Where(o => o.Id == item.Id && o.WorkspaceKey == c.WorkspaceKey && o.Channel == c.Channel).ExecuteUpdateAsync(
            s =>
            {
                set(s);
                s.SetProperty(o => o.LeaseUntilMs, (long?)null).SetProperty(o => o.LeaseOwner, (string?)null);
            },
            cancellationToken);
    }

    private static string? Truncate(string? error) => error is { Length: > 2000 } ? error[..2000] : error;
}

using System.Globalization;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Storage.Planning;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Summaries;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.DataOut;

/// <summary>EF implementation of <see cref="IApiTokenStore"/>. Look-ups go to the database every time: a revocation holds at once.</summary>
internal sealed class ApiTokenStore(IGtmDbFactory db) : IApiTokenStore
{
    public async Task<bool> CreateAsync(string workspaceKey, string name, string hash, string prefix, string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        if (await ctx.Set<ApiTokenEntity>().AnyAsync(t => t.WorkspaceKey == workspaceKey && t.Name == name && t.RevokedAt == null, cancellationToken))
        {
            return false;
        }

        ctx.Add(new ApiTokenEntity { WorkspaceKey = workspaceKey, Name = name, Hash = hash, Prefix = prefix, CreatedBy = createdBy, CreatedAt = now });
        await ctx.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<ApiTokenEntity>().AsNoTracking().Where(t => t.WorkspaceKey == workspaceKey).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(t => t.RevokedAt is not null).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).Select(ToRecord)];
    }

    public async Task<bool> RevokeAsync(string workspaceKey, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var changed = await ctx.Set<ApiTokenEntity>().Where(t => t.WorkspaceKey == workspaceKey && t.Name == name && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        return changed > 0;
    }

    public async Task<ApiToken?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<ApiTokenEntity>().AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    private static ApiToken ToRecord(ApiTokenEntity t) => new(t.Id, t.WorkspaceKey, t.Name, t.Prefix, t.CreatedBy, t.CreatedAt, t.RevokedAt);
}

/// <summary>EF implementation of <see cref="IWebhookStore"/>.</summary>
internal sealed class WebhookStore(IGtmDbFactory db, TimeProvider clock) : IWebhookStore
{
    /// <summary>
    /// Every capture asks for its workspace's subscriptions, so lists are cached this long. Adding or removing one here drops
    /// the workspace's entry at once; a change made by another instance is seen within this time.
    /// </summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Workspaces whose subscriptions are cached at once.</summary>
    public const int MaxCachedWorkspaces = 10_000;

    private readonly ExpiringCache<string, IReadOnlyList<WebhookSubscription>> _cache = new(clock, CacheLifetime, MaxCachedWorkspaces, StringComparer.Ordinal);

    public async Task<WebhookSubscription> AddAsync(string workspaceKey, string url, IReadOnlyList<string> events, string secret, string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new WebhookEntity { WorkspaceKey = workspaceKey, Url = url, Events = string.Join(',', events), Secret = secret, CreatedBy = createdBy, CreatedAt = now };
        await using var ctx = db.Create();
        ctx.Add(row);
        try
        {
            await ctx.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _cache.Remove(workspaceKey);
        }

        return ToRecord(row);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(workspaceKey, out var cached))
        {
            return cached;
        }

        var removals = _cache.Removals;
        await using var ctx = db.Create();
        var rows = await ctx.Set<WebhookEntity>().AsNoTracking().Where(w => w.WorkspaceKey == workspaceKey).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        IReadOnlyList<WebhookSubscription> list = [.. rows.Select(ToRecord)];
        _cache.SetUnlessRemovedSince(removals, workspaceKey, list);

        return list;
    }

    public async Task<WebhookSubscription?> GetAsync(string workspaceKey, long id, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<WebhookEntity>().AsNoTracking().FirstOrDefaultAsync(w => w.WorkspaceKey == workspaceKey && w.Id == id, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<int> RemoveAsync(string workspaceKey, string idOrUrl, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = ctx.Set<WebhookEntity>().Where(w => w.WorkspaceKey == workspaceKey);
        rows = long.TryParse(idOrUrl.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? rows.Where(w => w.Id == id) : rows.Where(w => w.Url == idOrUrl);
        try
        {
            return await rows.ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            _cache.Remove(workspaceKey);
        }
    }

    private static WebhookSubscription ToRecord(WebhookEntity w) =>
        new(w.Id, w.WorkspaceKey, w.Url, [.. w.Events.Split(',', StringSplitOptions.RemoveEmptyEntries)], w.Secret, w.CreatedBy, w.CreatedAt);
}

/// <summary>A weekly export whose time has come, claimed by one scheduler instance.</summary>
public sealed record DueExport(long Id, ConversationKey Channel, WeeklySchedule Schedule, ExportRequest Request, DateTimeOffset Occurrence);

/// <summary>EF implementation of <see cref="IExportStore"/>, and the claim/advance operations of the export scheduler.</summary>
public sealed class ExportStore(IGtmDbFactory db, TimeProvider clock) : IExportStore
{
    public async Task<ExportFile> AddFileAsync(ConversationKey channel, string fileName, string contentType, byte[] content, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new ExportFileEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel, FileName = fileName, ContentType = contentType, Content = content, Title = title, CreatedAt = now };
        await using var ctx = db.Create();
        ctx.Add(row);
        await ctx.SaveChangesAsync(cancellationToken);
        return ToFile(row);
    }

    public async Task<ExportFile?> GetFileAsync(string workspaceKey, long id, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<ExportFileEntity>().AsNoTracking().FirstOrDefaultAsync(f => f.WorkspaceKey == workspaceKey && f.Id == id, cancellationToken);
        return row is null ? null : ToFile(row);
    }

    public async Task<ExportSchedule> AddScheduleAsync(ConversationKey channel, WeeklySchedule schedule, ExportRequest request, string createdBy, DateTimeOffset nextRun, CancellationToken cancellationToken)
    {
        var row = new ExportScheduleEntity
        {
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            Day = (int)schedule.Day,
            Hour = schedule.Hour,
            Minute = schedule.Minute,
            TimeZoneId = schedule.TimeZoneId,
            RequestJson = JsonSerializer.Serialize(request, StorageJson.Options),
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow(),
            NextRunMs = nextRun.ToUnixTimeMilliseconds(),
        };
        await using var ctx = db.Create();
        ctx.Add(row);
        await ctx.SaveChangesAsync(cancellationToken);
        return ToSchedule(row);
    }

    public async Task<IReadOnlyList<ExportSchedule>> ListSchedulesAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await Schedules(ctx, channel).AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToSchedule)];
    }

    public async Task<int> RemoveSchedulesAsync(ConversationKey channel, long? id, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = Schedules(ctx, channel);
        if (id is { } one)
        {
            rows = rows.Where(s => s.Id == one);
        }

        return await rows.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Leases due schedules to <paramref name="owner"/> (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; SQLite's single writer elsewhere).</summary>
    public async Task<IReadOnlyList<DueExport>> ClaimDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lockClause = db.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $$"""
            UPDATE "export_schedules" SET "LeaseOwner" = {0}, "LeaseUntilMs" = {1}
            WHERE "Id" IN (
                SELECT e."Id" FROM "export_schedules" e
                WHERE e."NextRunMs" <= {2} AND (e."LeaseUntilMs" IS NULL OR e."LeaseUntilMs" < {2})
                ORDER BY e."NextRunMs", e."Id"
                LIMIT {3}
                {{lockClause}})
            RETURNING *
            """;
        await using var ctx = db.Create();
        var rows = await ctx.Set<ExportScheduleEntity>().FromSqlRaw(sql, owner, now + (long)lease.TotalMilliseconds, now, max).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DueExport(r.Id, OutboxRoutes.Channel(r.WorkspaceKey, r.Channel), ScheduleOf(r), RequestOf(r), DateTimeOffset.FromUnixTimeMilliseconds(r.NextRunMs)))];
    }

    /// <summary>Moves a fired schedule to its next occurrence and releases the lease (only if it still holds that occurrence).</summary>
    public async Task AdvanceAsync(DueExport due, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var occurrence = due.Occurrence.ToUnixTimeMilliseconds();
        var nextMs = next.ToUnixTimeMilliseconds();
        await using var ctx = db.Create();
        await ctx.Set<ExportScheduleEntity>().Where(s => s.Id == due.Id && s.NextRunMs == occurrence).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.NextRunMs, nextMs).SetProperty(e => e.LastRunMs, occurrence).SetProperty(e => e.LeaseUntilMs, (long?)null).SetProperty(e => e.LeaseOwner, (string?)null),
            cancellationToken);
    }

    private static IQueryable<ExportScheduleEntity> Schedules(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<ExportScheduleEntity>().Where(s => s.WorkspaceKey == channel.WorkspaceKey && s.Channel == channel.Channel);

    private static WeeklySchedule ScheduleOf(ExportScheduleEntity r) => new((DayOfWeek)r.Day, r.Hour, r.Minute, r.TimeZoneId);

    private static ExportRequest RequestOf(ExportScheduleEntity r) => JsonSerializer.Deserialize<ExportRequest>(r.RequestJson, StorageJson.Options)!;

    private static ExportSchedule ToSchedule(ExportScheduleEntity r) =>
        new(r.Id, OutboxRoutes.Channel(r.WorkspaceKey, r.Channel), ScheduleOf(r), RequestOf(r), r.CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.NextRunMs));

    private static ExportFile ToFile(ExportFileEntity f) =>
        new(f.Id, OutboxRoutes.Channel(f.WorkspaceKey, f.Channel), f.FileName, f.ContentType, f.Content, f.Title, f.CreatedAt);
}

/// <summary>EF implementation of <see cref="IWorkspaceArchive"/>: reads across a workspace's channels, always scoped by its key.</summary>
internal sealed class WorkspaceArchive(IGtmDbFactory db) : IWorkspaceArchive
{
    public async Task<IReadOnlyList<ChannelQuote>> ListQuotesAsync(string workspaceKey, string? channel, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var query = ctx.Set<QuoteEntity>().AsNoTracking().Where(q => q.WorkspaceKey == workspaceKey);
        if (channel is not null)
        {
            query = query.Where(q => q.Channel == channel);
        }

        // Ordered in memory: SQLite cannot order by DateTimeOffset (as QuoteStore does).
        var rows = (await query.ToListAsync(cancellationToken)).OrderByDescending(q => q.CapturedAt).ThenByDescending(q => q.Id).Take(limit).ToList();
        var ids = rows.Select(q => q.Id).ToList();
        var corrections = (await ctx.Set<QuoteCorrectionEntity>().AsNoTracking().Where(c => c.WorkspaceKey == workspaceKey && ids.Contains(c.QuoteId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.QuoteId);
        return [.. rows.Select(q => new ChannelQuote(q.Channel, QuoteStore.ToRecord(q, corrections[q.Id])))];
    }

    public async Task<IReadOnlyList<SummaryRequest>> ListSummariesAsync(ConversationKey channel, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var ids = (await ctx.Set<SummaryRequestEntity>().AsNoTracking().Where(s => s.WorkspaceKey == channel.WorkspaceKey && s.Channel == channel.Channel)
            .Select(s => s.Id).ToListAsync(cancellationToken)).OrderDescending().Take(limit).ToList();
        var store = new SummaryStore(db);
        var list = new List<SummaryRequest>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(channel, id, cancellationToken) is { } s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    public async Task<bool> ChannelExistsAsync(string workspaceKey, string channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await ctx.Set<QuoteEntity>().AnyAsync(q => q.WorkspaceKey == workspaceKey && q.Channel == channel, cancellationToken)
            || await ctx.Set<CanvasEntity>().AnyAsync(q => q.WorkspaceKey == workspaceKey && q.Channel == channel, cancellationToken)
            || await ctx.Set<ChecklistEntity>().AnyAsync(q => q.WorkspaceKey == workspaceKey && q.Channel == channel, cancellationToken)
            || await ctx.Set<DrillEntity>().AnyAsync(q => q.WorkspaceKey == workspaceKey && q.Channel == channel, cancellationToken)
            || await ctx.Set<SummaryRequestEntity>().AnyAsync(q => q.WorkspaceKey == workspaceKey && q.Channel == channel, cancellationToken);
    }
}

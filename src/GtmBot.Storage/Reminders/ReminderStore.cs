using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Reminders;

/// <summary>A reminder occurrence claimed by one scheduler instance.</summary>
public sealed record DueReminder(long Id, ConversationKey Channel, WeeklySchedule Schedule, DateTimeOffset Occurrence, DateTimeOffset? LastRun, string? SkipReason);

/// <summary>
/// The weekly reminders: <see cref="IReminderStore"/> for the flow, and the claim/advance operations of the scheduler.
/// Due reminders are leased in one statement (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; SQLite's single writer makes its
/// conditional UPDATE exclusive), so several instances never fire the same occurrence; an expired lease hands it to another.
/// </summary>
public sealed class ReminderStore(IGtmDbFactory db, TimeProvider clock) : IReminderStore
{
    public async Task<ReminderInfo?> GetAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Find(ctx, channel).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new ReminderInfo(
            channel.ChannelOnly,
            ScheduleOf(row),
            row.Enabled,
            FromMs(row.NextRunMs),
            FromMs(row.LastRunMs),
            row.SkipReason,
            row.DisabledReason);
    }

    public async Task SetAsync(ConversationKey channel, WeeklySchedule schedule, DateTimeOffset nextRun, string userId, CancellationToken cancellationToken)
    {
        channel = channel.ChannelOnly;
        await using var ctx = db.Create();
        var row = await Find(ctx, channel).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new ReminderEntity
            {
                WorkspaceKey = channel.WorkspaceKey,
                Channel = channel.Channel,
                Platform = channel.Platform,
                ConversationJson = JsonSerializer.Serialize(channel, StorageJson.Options),
                TimeZoneId = schedule.TimeZoneId,
            };
            ctx.Add(row);
        }

        row.Day = (int)schedule.Day;
        row.Hour = schedule.Hour;
        row.Minute = schedule.Minute;
        row.TimeZoneId = schedule.TimeZoneId;
        row.Enabled = true;
        row.NextRunMs = nextRun.ToUnixTimeMilliseconds();
        row.SkipReason = null;
        row.DisabledReason = null;
        row.UpdatedBy = userId;
        row.UpdatedAt = clock.GetUtcNow();
        await ctx.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DisableAsync(ConversationKey channel, string reason, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var now = clock.GetUtcNow();
        var changed = await Find(ctx, channel).Where(r => r.Enabled).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Enabled, false)
                .SetProperty(r => r.NextRunMs, (long?)null)
                .SetProperty(r => r.DisabledReason, reason.Length > 400 ? reason[..400] : reason)
                .SetProperty(r => r.UpdatedAt, now),
            cancellationToken);
        return changed > 0;
    }

    public async Task PostponeAsync(ConversationKey channel, DateTimeOffset nextRun, string? reason, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var next = nextRun.ToUnixTimeMilliseconds();
        var now = clock.GetUtcNow();
        await Find(ctx, channel).Where(r => r.Enabled).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.NextRunMs, next).SetProperty(r => r.SkipReason, reason).SetProperty(r => r.UpdatedAt, now),
            cancellationToken);
    }

    /// <summary>Leases up to <paramref name="max"/> enabled reminders whose next occurrence is due.</summary>
    public async Task<IReadOnlyList<DueReminder>> ClaimDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lockClause = db.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $$"""
            UPDATE "reminders" SET "LeaseOwner" = {0}, "LeaseUntilMs" = {1}
            WHERE "Id" IN (
                SELECT r."Id" FROM "reminders" r
                WHERE r."Enabled" = TRUE AND r."NextRunMs" <= {2} AND (r."LeaseUntilMs" IS NULL OR r."LeaseUntilMs" < {2})
                ORDER BY r."NextRunMs", r."Id"
                LIMIT {3}
                {{lockClause}})
            RETURNING *
            """;
        await using var ctx = db.Create();
        var rows = await ctx.Set<ReminderEntity>().FromSqlRaw(sql, owner, now + (long)lease.TotalMilliseconds, now, max).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DueReminder(
            r.Id,
            JsonSerializer.Deserialize<ConversationKey>(r.ConversationJson, StorageJson.Options)!,
            ScheduleOf(r),
            DateTimeOffset.FromUnixTimeMilliseconds(r.NextRunMs!.Value),
            FromMs(r.LastRunMs),
            r.SkipReason))];
    }

    /// <summary>
    /// Moves a fired reminder to its next occurrence and releases the lease. Does nothing when someone changed the schedule
    /// meanwhile (the occurrence no longer matches): their new time stands.
    /// </summary>
    public async Task AdvanceAsync(DueReminder due, string owner, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var occurrence = due.Occurrence.ToUnixTimeMilliseconds();
        var nextMs = next.ToUnixTimeMilliseconds();
        await using var ctx = db.Create();
        var advanced = await Find(ctx, due.Channel).Where(r => r.Id == due.Id && r.NextRunMs == occurrence).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.NextRunMs, nextMs)
                .SetProperty(r => r.LastRunMs, occurrence)
                .SetProperty(r => r.SkipReason, (string?)null)
                .SetProperty(r => r.LeaseUntilMs, (long?)null)
                .SetProperty(r => r.LeaseOwner, (string?)null),
            cancellationToken);
        if (advanced == 0)
        {
            await Find(ctx, due.Channel).Where(r => r.Id == due.Id && r.LeaseOwner == owner).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LeaseUntilMs, (long?)null).SetProperty(r => r.LeaseOwner, (string?)null),
                cancellationToken);
        }
    }

    private static IQueryable<ReminderEntity> Find(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<ReminderEntity>().Where(r => r.WorkspaceKey == channel.WorkspaceKey && r.Channel == channel.Channel);

    private static WeeklySchedule ScheduleOf(ReminderEntity r) => new((DayOfWeek)r.Day, r.Hour, r.Minute, r.TimeZoneId);

    private static DateTimeOffset? FromMs(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}

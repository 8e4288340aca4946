using System.Globalization;
using GtmBot.Engine;
using GtmBot.Engine.Needs;
using GtmBot.Engine.Ports;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Needs;

/// <summary>
/// Needs and their history. A change, its history rows and the direct messages it causes are written in one transaction,
/// so sales hear back exactly when the change is saved, and never twice (the messages' keys carry the change's sequence).
/// </summary>
internal sealed class NeedStore(IGtmDbFactory db, TimeProvider clock) : INeedStore
{
    /// <summary>Attempts at taking the next number when another writer took it first.</summary>
    private const int NumberAttempts = 5;

    public async Task<Need> CreateAsync(ConversationKey channel, NewNeed need, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var ctx = db.Create();
            var last = await Needs(ctx, channel).MaxAsync(n => (int?)n.Number, cancellationToken) ?? 0;
            var row = new NeedEntity
            {
                WorkspaceKey = channel.WorkspaceKey,
                Channel = channel.Channel,
                Number = last + 1,
                Title = need.Title,
                Status = NeedStatus.New.ToString(),
                QuoteIds = JoinIds(need.QuoteIds),
                Version = 1,
                ThemeKey = need.ThemeKey,
                CreatedBy = need.CreatedBy,
                CreatedAt = need.At,
                UpdatedAt = need.At,
            };
            ctx.Add(row);
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Someone took the same number at the same moment (unique index): take the next one.
                continue;
            }

            ctx.Add(ChangeRow(channel, row.Id, new NeedChange(1, NeedProperties.Created, null, need.Title, null, need.CreatedBy, need.At, [])));
            await ctx.SaveChangesAsync(cancellationToken);
            return ToNeed(row);
        }
    }

    public async Task<Need?> GetAsync(ConversationKey channel, int number, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Needs(ctx, channel).FirstOrDefaultAsync(n => n.Number == number, cancellationToken);
        return row is null ? null : ToNeed(row);
    }

    public async Task<Need?> FindByThemeAsync(ConversationKey channel, string themeKey, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Needs(ctx, channel).Where(n => n.ThemeKey == themeKey).OrderBy(n => n.Number).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToNeed(row);
    }

    public async Task<IReadOnlyList<Need>> ListAsync(ConversationKey channel, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await Needs(ctx, channel).OrderBy(n => n.Number).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(ToNeed)];
    }

    public async Task<bool> UpdateAsync(ConversationKey channel, Need updated, int expectedVersion, IReadOnlyList<NeedChange> changes, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var status = updated.Status.ToString();
        var moscow = updated.Moscow?.ToString();
        var effort = updated.Effort?.ToString();
        var quoteIds = JoinIds(updated.QuoteIds);
        await using var ctx = db.Create();
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var saved = await ctx.Set<NeedEntity>()
            .Where(n => n.WorkspaceKey == channel.WorkspaceKey && n.Channel == channel.Channel && n.Id == updated.Id && n.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.Status, status)
                    .SetProperty(n => n.Moscow, moscow)
                    .SetProperty(n => n.Owner, updated.Owner)
                    .SetProperty(n => n.Effort, effort)
                    .SetProperty(n => n.QuoteIds, quoteIds)
                    .SetProperty(n => n.Reason, updated.Reason)
                    .SetProperty(n => n.Version, updated.Version)
                    .SetProperty(n => n.UpdatedAt, updated.UpdatedAt),
                cancellationToken);
        if (saved == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        ctx.AddRange(changes.Select(c => ChangeRow(channel, updated.Id, c)));
        var now = clock.GetUtcNow();
        ctx.AddRange(messages.Select(m => OutboxStore.ToEntity(m, now)));
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<NeedChange>> HistoryAsync(ConversationKey channel, long needId, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<NeedChangeEntity>().AsNoTracking()
            .Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel && c.NeedId == needId)
            .OrderByDescending(c => c.Seq).ThenByDescending(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToChange)];
    }

    public async Task<IReadOnlyList<NeedStatusChange>> StatusChangesAsync(ConversationKey channel, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        long from = since.ToUnixTimeMilliseconds(), to = until.ToUnixTimeMilliseconds();
        await using var ctx = db.Create();
        var rows = await ctx.Set<NeedChangeEntity>().AsNoTracking()
            .Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel && c.Property == NeedProperties.Status && c.AtMs > from && c.AtMs <= to)
            .OrderBy(c => c.AtMs).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.NeedId).Distinct().ToList();
        var needs = await Needs(ctx, channel).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        return [.. rows.Where(r => needs.ContainsKey(r.NeedId)).Select(r => new NeedStatusChange(ToNeed(needs[r.NeedId]), ToChange(r)))];
    }

    private static IQueryable<NeedEntity> Needs(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<NeedEntity>().AsNoTracking().Where(n => n.WorkspaceKey == channel.WorkspaceKey && n.Channel == channel.Channel);

    private static NeedChangeEntity ChangeRow(ConversationKey channel, long needId, NeedChange c) => new()
    {
        NeedId = needId,
        WorkspaceKey = channel.WorkspaceKey,
        Channel = channel.Channel,
        Seq = c.Seq,
        Property = c.Property,
        OldValue = c.OldValue,
        NewValue = c.NewValue,
        Reason = c.Reason,
        By = c.By,
        At = c.At,
        AtMs = c.At.ToUnixTimeMilliseconds(),
        Notified = c.Notified.Count == 0 ? null : string.Join(',', c.Notified),
    };

    private static NeedChange ToChange(NeedChangeEntity r) =>
        new(r.Seq, r.Property, r.OldValue, r.NewValue, r.Reason, r.By, r.At, r.Notified is null ? [] : r.Notified.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static Need ToNeed(NeedEntity r) => new(
        r.Id,
        r.Number,
        r.Title,
        Enum.TryParse<NeedStatus>(r.Status, out var status) ? status : NeedStatus.New,
        Enum.TryParse<Moscow>(r.Moscow, out var moscow) ? moscow : null,
        r.Owner,
        Enum.TryParse<Effort>(r.Effort, out var effort) ? effort : null,
        ParseIds(r.QuoteIds),
        r.Version,
        r.ThemeKey,
        r.Reason,
        r.CreatedBy,
        r.CreatedAt,
        r.UpdatedAt);

    internal static string JoinIds(IEnumerable<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    internal static IReadOnlyList<long> ParseIds(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)];
}

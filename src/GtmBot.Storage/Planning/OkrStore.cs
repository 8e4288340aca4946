using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Planning;

/// <summary>EF implementation of <see cref="IOkrStore"/>: numbers are taken as max + 1 and kept unique by an index, retried on a clash.</summary>
internal sealed class OkrStore(IGtmDbFactory db) : IOkrStore
{
    /// <summary>How often a write retries after another one took the same number at the same moment.</summary>
    private const int NumberAttempts = 5;

    public async Task<Objective> AddObjectiveAsync(ConversationKey channel, ObjectiveValues values, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var ctx = db.Create();
            var number = 1 + (await Objectives(ctx, channel).MaxAsync(o => (int?)o.Number, cancellationToken) ?? 0);
            var row = new ObjectiveEntity
            {
                WorkspaceKey = channel.WorkspaceKey,
                Channel = channel.Channel,
                Number = number,
                Title = values.Title,
                ProductOwner = values.ProductOwner,
                SalesOwner = values.SalesOwner,
                Due = values.Due,
                CreatedBy = user.Id,
                CreatedAt = now,
            };
            ctx.Add(row);
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
                return ToRecord(row);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another objective took this number a moment ago (unique per channel): take the next one.
            }
        }
    }

    public async Task<Objective?> FindAsync(ConversationKey channel, int number, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Objectives(ctx, channel).AsNoTracking().Include(o => o.KeyResults).FirstOrDefaultAsync(o => o.Number == number, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<Objective>> ListAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await Objectives(ctx, channel).AsNoTracking().Include(o => o.KeyResults).OrderBy(o => o.Number).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task<OkrWrite> AddKeyResultAsync(ConversationKey channel, int objective, KeyResultValues values, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(values.Target, nameof(values));
        for (var attempt = 1; ; attempt++)
        {
            await using var ctx = db.Create();
            var owner = await Objectives(ctx, channel).AsNoTracking().FirstOrDefaultAsync(o => o.Number == objective, cancellationToken);
            if (owner is null)
            {
                return OkrWrite.NoObjective;
            }

            var number = 1 + (await ctx.Set<KeyResultEntity>().Where(k => k.ObjectiveId == owner.Id).MaxAsync(k => (int?)k.Number, cancellationToken) ?? 0);
            ctx.Add(new KeyResultEntity
            {
                ObjectiveId = owner.Id,
                WorkspaceKey = channel.WorkspaceKey,
                Channel = channel.Channel,
                Number = number,
                Text = values.Text,
                Target = values.Target,
                Unit = values.Unit,
                CreatedBy = user.Id,
                CreatedAt = now,
            });
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
                return OkrWrite.Saved;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another key result took this number a moment ago: take the next one.
            }
        }
    }

    public async Task<OkrWrite> SetProgressAsync(ConversationKey channel, int objective, int keyResult, decimal progress, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(progress);
        await using var ctx = db.Create();
        var owner = await Objectives(ctx, channel).AsNoTracking().FirstOrDefaultAsync(o => o.Number == objective, cancellationToken);
        if (owner is null)
        {
            return OkrWrite.NoObjective;
        }

        var updated = await ctx.Set<KeyResultEntity>()
            .Where(k => k.WorkspaceKey == channel.WorkspaceKey && k.Channel == channel.Channel && k.ObjectiveId == owner.Id && k.Number == keyResult)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.Progress, progress).SetProperty(k => k.UpdatedBy, user.Id).SetProperty(k => k.UpdatedAt, now), cancellationToken);
        return updated == 0 ? OkrWrite.NoKeyResult : OkrWrite.Saved;
    }

    private static IQueryable<ObjectiveEntity> Objectives(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<ObjectiveEntity>().Where(o => o.WorkspaceKey == channel.WorkspaceKey && o.Channel == channel.Channel);

    private static Objective ToRecord(ObjectiveEntity o) => new(
        o.Id,
        o.Number,
        o.Title,
        o.ProductOwner,
        o.SalesOwner,
        o.Due,
        o.CreatedBy,
        o.CreatedAt,
        [.. o.KeyResults.OrderBy(k => k.Number).Select(k => new KeyResult(k.Number, k.Text, k.Target, k.Unit, k.Progress, k.CreatedBy, k.CreatedAt, k.UpdatedBy, k.UpdatedAt))]);
}

using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Planning;

internal sealed class DrillStore(IGtmDbFactory db) : IDrillStore
{
    public async Task<Drill> StartAsync(ConversationKey channel, string problem, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = new DrillEntity
        {
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            Problem = problem,
            Stage = DrillStage.Asking.ToString(),
            Motive = Motive.Unclear.ToString(),
            StartedBy = user.Id,
            StartedAt = now,
            UpdatedAt = now,
        };
        ctx.Add(row);
        await ctx.SaveChangesAsync(cancellationToken);
        return ToDrill(row);
    }

    public async Task<Drill?> FindAsync(ConversationKey channel, long drillId, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Drills(ctx, channel).FirstOrDefaultAsync(d => d.Id == drillId, cancellationToken);
        return row is null ? null : ToDrill(row);
    }

    public async Task<IReadOnlyList<Drill>> ListAsync(ConversationKey channel, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await Drills(ctx, channel).OrderByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(ToDrill)];
    }

    public async Task<IReadOnlyList<Drill>> ListOpenAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var done = DrillStage.Done.ToString();
        await using var ctx = db.Create();
        var rows = await Drills(ctx, channel).Where(d => d.Stage != done).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToDrill)];
    }

    public async Task<bool> AddAnswerAsync(ConversationKey channel, long drillId, int step, string text, DrillStage stageAfter, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asking = DrillStage.Asking.ToString();
        var after = stageAfter.ToString();
        await using var ctx = db.Create();
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var moved = await ctx.Set<DrillEntity>()
            .Where(d => d.WorkspaceKey == channel.WorkspaceKey && d.Channel == channel.Channel && d.Id == drillId && d.Stage == asking && d.AnswerCount == step - 1)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.AnswerCount, step)
                    .SetProperty(d => d.Stage, after)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        if (moved == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        ctx.Add(new DrillAnswerEntity
        {
            DrillId = drillId,
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            Step = step,
            Text = text,
            UserId = user.Id,
            UserName = user.DisplayName,
            At = now,
        });
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> MoveAsync(ConversationKey channel, long drillId, DrillStage from, DrillStage to, Motive? motive, string? appliedTo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fromName = from.ToString();
        var toName = to.ToString();
        await using var ctx = db.Create();
        var drill = ctx.Set<DrillEntity>()
            .Where(d => d.WorkspaceKey == channel.WorkspaceKey && d.Channel == channel.Channel && d.Id == drillId && d.Stage == fromName);
        if (from == DrillStage.Asking)
        {
            // Stopping early needs at least one answer: the root cause is the last one.
            drill = drill.Where(d => d.AnswerCount > 0);
        }

        var moved = motive is Motive m
            ? await drill.ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, toName).SetProperty(d => d.Motive, m.ToString()).SetProperty(d => d.UpdatedAt, now), cancellationToken)
            : await drill.ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, toName).SetProperty(d => d.AppliedTo, appliedTo).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        return moved > 0;
    }

    private static IQueryable<DrillEntity> Drills(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<DrillEntity>().AsNoTracking().Include(d => d.Answers)
            .Where(d => d.WorkspaceKey == channel.WorkspaceKey && d.Channel == channel.Channel);

    private static Drill ToDrill(DrillEntity row) => new(
        row.Id,
        row.Problem,
        Enum.TryParse<DrillStage>(row.Stage, out var stage) ? stage : DrillStage.Asking,
        CanvasStore.ParseMotive(row.Motive),
        [.. row.Answers.OrderBy(a => a.Step).Select(a => new DrillAnswer(a.Step, a.Text, a.UserId, a.At))],
        row.StartedBy,
        row.StartedAt,
        row.UpdatedAt,
        row.AppliedTo);
}

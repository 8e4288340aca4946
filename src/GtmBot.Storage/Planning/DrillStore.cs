using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Planning;

internal sealed class DrillStore(IGtmDbFactory db) : IDrillStore
{
    /// <summary>Attempts at taking the channel's next number when another writer took it first.</summary>
    private const int NumberAttempts = 5;

    public async Task<Drill> StartAsync(ConversationKey channel, string problem, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var ctx = db.Create();
            var last = await ctx.Set<DrillEntity>()
                .Where(d => d.WorkspaceKey == channel.WorkspaceKey && d.Channel == channel.Channel)
                .MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0;
            var row = NewRow(channel, last + 1, problem, user, now);
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

            return ToDrill(row);
        }
    }

    private static DrillEntity NewRow(ConversationKey channel, int number, string problem, TurnUser user, DateTimeOffset now) =>
        new()
        {
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            Number = number,
            Problem = problem,
            Stage = DrillStage.Asking.ToString(),
            Motive = Motive.Unclear.ToString(),
            StartedBy = user.Id,
            StartedAt = now,
            UpdatedAt = now,
        };

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

    public async Task<bool> AnswerWhyUsAsync(ConversationKey channel, long drillId, string? text, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = DrillStage.WhyUs.ToString();
        var to = DrillStage.PickRoot.ToString();
        await using var ctx = db.Create();
        var moved = await ctx.Set<DrillEntity>()
            .Where(d => d.WorkspaceKey == channel.WorkspaceKey && d.Channel == channel.Channel && d.Id == drillId && d.Stage == from)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Stage, to)
                    .SetProperty(d => d.WhyUs, text)
                    .SetProperty(d => d.WhyUsBy, text == null ? null : user.Id)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        return moved > 0;
    }

    public async Task<bool> PickRootCauseAsync(ConversationKey channel, long drillId, string text, int? step, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = DrillStage.PickRoot.ToString();
        var to = DrillStage.NeedOrWant.ToString();
        await using var ctx = db.Create();
        var moved = await ctx.Set<DrillEntity>()
            .Where(d => d.WorkspaceKey == channel.WorkspaceKey && d.Channel == channel.Channel && d.Id == drillId && d.Stage == from)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Stage, to)
                    .SetProperty(d => d.RootCause, text)
                    .SetProperty(d => d.RootCauseStep, step)
                    .SetProperty(d => d.RootCauseBy, user.Id)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        return moved > 0;
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
            // Stopping early needs at least one answer to pick the root cause from.
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
        row.Number,
        row.Problem,
        Enum.TryParse<DrillStage>(row.Stage, out var stage) ? stage : DrillStage.Asking,
        CanvasStore.ParseMotive(row.Motive),
        [.. row.Answers.OrderBy(a => a.Step).Select(a => new DrillAnswer(a.Step, a.Text, a.UserId, a.At))],
        row.StartedBy,
        row.StartedAt,
        row.UpdatedAt,
        row.AppliedTo,
        row.RootCause,
        row.RootCauseStep,
        row.RootCauseBy,
        row.WhyUs,
        row.WhyUsBy);
}

using System.Globalization;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Planning;

internal sealed class ChecklistStore(IGtmDbFactory db) : IChecklistStore
{
    public async Task<Checklist> GetOrCreateAsync(ConversationKey channel, int steps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(channel, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        await using (var ctx = db.Create())
        {
            var row = new ChecklistEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel, Stage = LifecycleStage.Definition.ToString(), CreatedAt = now };
            row.Items.AddRange(Enumerable.Range(1, steps).Select(step => new ChecklistItemEntity
            {
                WorkspaceKey = channel.WorkspaceKey,
                Channel = channel.Channel,
                Step = step,
                Status = ChecklistStatus.Todo.ToString(),
            }));
            ctx.Add(row);
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone opened the checklist a moment ago (one per channel): theirs is the one.
            }
        }

        return await FindAsync(channel, cancellationToken) ?? throw new InvalidOperationException("The checklist could not be created.");
    }

    public async Task<Checklist?> FindAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<ChecklistEntity>().AsNoTracking().Include(c => c.Items)
            .FirstOrDefaultAsync(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel, cancellationToken);
        return row is null
            ? null
            : new Checklist(row.Id, ParseStage(row.Stage), row.Version, [.. row.Items.OrderBy(i => i.Step).Select(ToItem)], row.CreatedAt);
    }

    public async Task<ChecklistEditResult> UpdateItemAsync(ConversationKey channel, int step, int expectedVersion, ChecklistItemValues values, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = values.Status.ToString();
        await using var ctx = db.Create();
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var items = ctx.Set<ChecklistItemEntity>()
            .Where(i => i.WorkspaceKey == channel.WorkspaceKey && i.Channel == channel.Channel && i.Step == step);
        var before = await items.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The checklist has no step {step}.");

        // The version check is part of the UPDATE itself, so two editors racing can never both win.
        var updated = await items.Where(i => i.Version == expectedVersion).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.Status, status)
                .SetProperty(i => i.OwnerId, values.OwnerId)
                .SetProperty(i => i.Due, values.Due)
                .SetProperty(i => i.Note, values.Note)
                .SetProperty(i => i.Version, i => i.Version + 1)
                .SetProperty(i => i.UpdatedBy, user.Id)
                .SetProperty(i => i.UpdatedAt, now),
            cancellationToken);
        if (updated == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return new ChecklistEditResult(false, ToItem(await items.AsNoTracking().FirstAsync(cancellationToken)));
        }

        void Keep(string property, string? old, string? @new)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                ctx.Add(new ChecklistChangeEntity
                {
                    ChecklistId = before.ChecklistId,
                    WorkspaceKey = channel.WorkspaceKey,
                    Channel = channel.Channel,
                    Step = step,
                    Property = property,
                    OldValue = old,
                    NewValue = @new,
                    UserId = user.Id,
                    At = now,
                });
            }
        }

        Keep("status", before.Status, status);
        Keep("owner", before.OwnerId, values.OwnerId);
        Keep("due", Date(before.Due), Date(values.Due));
        Keep("note", before.Note, values.Note);
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ChecklistEditResult(true, new ChecklistItem(step, values.Status, values.OwnerId, values.Due, values.Note, expectedVersion + 1, user.Id, now));
    }

    public async Task<bool> SetStageAsync(ConversationKey channel, int expectedVersion, LifecycleStage stage, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stageName = stage.ToString();
        await using var ctx = db.Create();
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var checklists = ctx.Set<ChecklistEntity>().Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel);
        var before = await checklists.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (before is null)
        {
            return false;
        }

        var updated = await checklists.Where(c => c.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, stageName).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (updated == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        ctx.Add(new ChecklistChangeEntity
        {
            ChecklistId = before.Id,
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            Step = 0,
            Property = "stage",
            OldValue = before.Stage,
            NewValue = stageName,
            UserId = user.Id,
            At = now,
        });
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ChecklistChange>> HistoryAsync(ConversationKey channel, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<ChecklistChangeEntity>().AsNoTracking()
            .Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel)
            .OrderByDescending(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ChecklistChange(r.Step, r.Property, r.OldValue, r.NewValue, r.UserId, r.At))];
    }

    private static ChecklistItem ToItem(ChecklistItemEntity i) => new(
        i.Step,
        Enum.TryParse<ChecklistStatus>(i.Status, out var s) ? s : ChecklistStatus.Todo,
        i.OwnerId,
        i.Due,
        i.Note,
        i.Version,
        i.UpdatedBy,
        i.UpdatedAt);

    private static LifecycleStage ParseStage(string value) => Enum.TryParse<LifecycleStage>(value, out var s) && Enum.IsDefined(s) ? s : LifecycleStage.Definition;

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

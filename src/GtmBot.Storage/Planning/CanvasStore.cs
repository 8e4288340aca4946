using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Planning;

internal sealed class CanvasStore(IGtmDbFactory db) : ICanvasStore
{
    public async Task<Canvas> GetOrCreateAsync(ConversationKey channel, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await FindByNameAsync(channel, name, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        await using (var ctx = db.Create())
        {
            var row = new CanvasEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel, Name = name, CreatedAt = now };
            row.Fields.AddRange(Enum.GetValues<CanvasField>().Select(f => new CanvasFieldEntity
            {
                WorkspaceKey = channel.WorkspaceKey,
                Channel = channel.Channel,
                Field = f.ToString(),
                Motive = Motive.Unclear.ToString(),
            }));
            ctx.Add(row);
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone created the same canvas a moment ago (unique name per channel): theirs is the one.
            }
        }

        return await FindByNameAsync(channel, name, cancellationToken)
            ?? throw new InvalidOperationException("The canvas could not be created.");
    }

    public async Task<Canvas?> FindAsync(ConversationKey channel, long canvasId, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Canvases(ctx, channel).FirstOrDefaultAsync(c => c.Id == canvasId, cancellationToken);
        return row is null ? null : ToCanvas(row);
    }

    public async Task<Canvas?> FindByNameAsync(ConversationKey channel, string name, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Canvases(ctx, channel).FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        return row is null ? null : ToCanvas(row);
    }

    public async Task<IReadOnlyList<Canvas>> ListAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await Canvases(ctx, channel).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToCanvas)];
    }

    public async Task<CanvasEditResult> UpdateFieldAsync(
        ConversationKey channel,
        long canvasId,
        CanvasField field,
        int expectedVersion,
        string value,
        Motive motive,
        TurnUser user,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var fieldName = field.ToString();
        var motiveName = motive.ToString();
        await using var ctx = db.Create();
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var fields = ctx.Set<CanvasFieldEntity>()
            .Where(f => f.WorkspaceKey == channel.WorkspaceKey && f.Channel == channel.Channel && f.CanvasId == canvasId && f.Field == fieldName);
        var before = await fields.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Canvas {canvasId} has no field {fieldName}.");

        // The version check is part of the UPDATE itself, so two editors racing can never both win.
        var updated = await fields
            .Where(f => f.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(f => f.Value, value)
                    .SetProperty(f => f.Motive, motiveName)
                    .SetProperty(f => f.Version, f => f.Version + 1)
                    .SetProperty(f => f.UpdatedBy, user.Id)
                    .SetProperty(f => f.UpdatedAt, now),
                cancellationToken);
        if (updated == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            var current = await fields.AsNoTracking().FirstAsync(cancellationToken);
            return new CanvasEditResult(false, ToField(current));
        }

        ctx.Add(new CanvasChangeEntity
        {
            CanvasId = canvasId,
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            Field = fieldName,
            OldValue = before.Value,
            NewValue = value,
            OldMotive = before.Motive,
            NewMotive = motiveName,
            UserId = user.Id,
            UserName = user.DisplayName,
            At = now,
        });
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new CanvasEditResult(true, new CanvasFieldValue(field, value, motive, expectedVersion + 1, user.Id, now));
    }

    public async Task<IReadOnlyList<CanvasChange>> HistoryAsync(ConversationKey channel, long? canvasId, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var changes = ctx.Set<CanvasChangeEntity>().AsNoTracking()
            .Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel);
        if (canvasId is long id)
        {
            changes = changes.Where(c => c.CanvasId == id);
        }

        var rows = await changes.OrderByDescending(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        var names = await ctx.Set<CanvasEntity>().AsNoTracking()
            .Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel)
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return [.. rows.Select(r => new CanvasChange(
            names.GetValueOrDefault(r.CanvasId, "?"),
            Enum.Parse<CanvasField>(r.Field),
            r.OldValue,
            r.NewValue,
            ParseMotive(r.OldMotive),
            ParseMotive(r.NewMotive),
            r.UserId,
            r.UserName,
            r.At))];
    }

    private static IQueryable<CanvasEntity> Canvases(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<CanvasEntity>().AsNoTracking().Include(c => c.Fields)
            .Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel);

    private static Canvas ToCanvas(CanvasEntity row) => new(
        row.Id,
        row.Name,
        [.. row.Fields.Select(ToField).OrderBy(f => f.Field)],
        row.CreatedAt);

    private static CanvasFieldValue ToField(CanvasFieldEntity f) =>
        new(Enum.Parse<CanvasField>(f.Field), f.Value, ParseMotive(f.Motive), f.Version, f.UpdatedBy, f.UpdatedAt);

    internal static Motive ParseMotive(string? value) => Enum.TryParse<Motive>(value, out var m) ? m : Motive.Unclear;
}

using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Quotes;

/// <summary>
/// A channel's stored insights snapshot and what it was built from. <see cref="Generation"/> is bumped in the transaction of
/// every correction and re-tag of the channel's quotes; added quotes are seen by count and newest id (quotes are never deleted).
/// </summary>
internal sealed class ChannelInsightsEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    /// <summary>Corrections and re-tags of the channel's quotes so far.</summary>
    public long Generation { get; set; }

    public long BuiltQuotes { get; set; }

    public long BuiltLastQuoteId { get; set; }

    public long BuiltGeneration { get; set; }

    public DateTimeOffset? BuiltAt { get; set; }

    /// <summary>JSON of the engine's <see cref="Engine.Insights.InsightsSnapshot"/>; null until first built.</summary>
    public string? Snapshot { get; set; }
}

internal sealed class ChannelInsightsEntityConfiguration : IEntityTypeConfiguration<ChannelInsightsEntity>
{
    public void Configure(EntityTypeBuilder<ChannelInsightsEntity> b)
    {
        b.ToTable("channel_insights");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel }).IsUnique();
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
    }
}

/// <summary>EF implementation of <see cref="IInsightsStore"/>.</summary>
internal sealed class InsightsStore(IGtmDbFactory db) : IInsightsStore
{
    public async Task<(StoredInsights? Stored, ChannelSignature Now)> ReadAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Row(ctx, channel).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var now = await SignatureAsync(ctx, channel, row?.Generation ?? 0, cancellationToken);
        var stored = row is { Snapshot: not null, BuiltAt: not null }
            ? new StoredInsights(row.Snapshot, new ChannelSignature(row.BuiltQuotes, row.BuiltLastQuoteId, row.BuiltGeneration), row.BuiltAt.Value)
            : null;
        return (stored, now);
    }

    public async Task<ChannelSignature> SignatureAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        // The row must exist before the quotes are read: a correction bumps the generation of an existing row only.
        var generation = await Row(ctx, channel).Select(r => (long?)r.Generation).FirstOrDefaultAsync(cancellationToken);
        if (generation is null)
        {
            ctx.Add(new ChannelInsightsEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel });
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance created it first (unique workspace + channel): read that one.
                ctx.ChangeTracker.Clear();
            }

            generation = await Row(ctx, channel).Select(r => r.Generation).FirstAsync(cancellationToken);
        }

        return await SignatureAsync(ctx, channel, generation.Value, cancellationToken);
    }

    public async Task SaveAsync(ConversationKey channel, StoredInsights insights, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        await Row(ctx, channel).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Snapshot, insights.Json)
                .SetProperty(r => r.BuiltQuotes, insights.BuiltFrom.Quotes)
                .SetProperty(r => r.BuiltLastQuoteId, insights.BuiltFrom.LastQuoteId)
                .SetProperty(r => r.BuiltGeneration, insights.BuiltFrom.Generation)
                .SetProperty(r => r.BuiltAt, insights.BuiltAt),
            cancellationToken);
    }

    /// <summary>Bumps the channel's generation (in the caller's transaction): its snapshot no longer reflects its quotes.</summary>
    public static Task BumpAsync(GtmDbContext ctx, ConversationKey channel, CancellationToken cancellationToken) =>
        Row(ctx, channel).ExecuteUpdateAsync(s => s.SetProperty(r => r.Generation, r => r.Generation + 1), cancellationToken);

    private static IQueryable<ChannelInsightsEntity> Row(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<ChannelInsightsEntity>().Where(r => r.WorkspaceKey == channel.WorkspaceKey && r.Channel == channel.Channel);

    private static async Task<ChannelSignature> SignatureAsync(GtmDbContext ctx, ConversationKey channel, long generation, CancellationToken cancellationToken)
    {
        // Both served by the channel's time index alone (IX_quotes_WorkspaceKey_Channel_CapturedAt): no quote row is read.
        var quotes = ctx.Set<QuoteEntity>().AsNoTracking().Where(q => q.WorkspaceKey == channel.WorkspaceKey && q.Channel == channel.Channel);
        var count = await quotes.LongCountAsync(cancellationToken);
        var last = count == 0 ? 0 : await quotes.MaxAsync(q => q.Id, cancellationToken);
        return new ChannelSignature(count, last, generation);
    }
}

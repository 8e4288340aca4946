using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Entities;

/// <summary>An inbound event (Slack event_id, Teams activity id) being handled, or handled once <see cref="DoneAt"/> is set.</summary>
internal sealed class InboundEventEntity
{
    public required string Platform { get; set; }

    public required string EventId { get; set; }

    public DateTimeOffset SeenAt { get; set; }

    /// <summary>When handling finished; null while an attempt is in progress.</summary>
    public DateTimeOffset? DoneAt { get; set; }
}

internal sealed class InboundEventEntityConfiguration : IEntityTypeConfiguration<InboundEventEntity>
{
    public void Configure(EntityTypeBuilder<InboundEventEntity> b)
    {
        b.ToTable("inbound_events");
        b.HasKey(e => new { e.Platform, e.EventId });
        b.Property(e => e.Platform).HasMaxLength(20);
        b.Property(e => e.EventId).HasMaxLength(200);
        b.HasIndex(e => e.SeenAt);
    }
}

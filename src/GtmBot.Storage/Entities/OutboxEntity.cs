using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Entities;

/// <summary>A message waiting for (or done with) delivery to a platform.</summary>
internal sealed class OutboxEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Platform { get; set; }

    /// <summary>The full <see cref="Engine.ConversationKey"/>, JSON.</summary>
    public required string ConversationJson { get; set; }

    /// <summary>The <see cref="Engine.Reply"/>, JSON.</summary>
    public required string ReplyJson { get; set; }

    public string? ArtefactKey { get; set; }

    public string? IdempotencyKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set while an instance holds the row; another instance may take it after this time.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? PlatformMessageId { get; set; }

    public bool DeadLettered { get; set; }

    public string? LastError { get; set; }
}

internal sealed class OutboxEntityConfiguration : IEntityTypeConfiguration<OutboxEntity>
{
    public void Configure(EntityTypeBuilder<OutboxEntity> b)
    {
        b.ToTable("outbox");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Platform).HasMaxLength(20);
        b.Property(e => e.ArtefactKey).HasMaxLength(200);
        b.Property(e => e.IdempotencyKey).HasMaxLength(200);
        b.Property(e => e.LeaseOwner).HasMaxLength(100);
        b.Property(e => e.PlatformMessageId).HasMaxLength(200);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.HasIndex(e => new { e.DeliveredAt, e.DeadLettered, e.NextAttemptAt });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.IdempotencyKey }).IsUnique();
    }
}

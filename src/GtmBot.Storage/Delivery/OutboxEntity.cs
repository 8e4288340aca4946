using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Delivery;

/// <summary>
/// A message waiting for (or done with) delivery to a platform. Times the claim query compares are Unix milliseconds
/// (<c>…Ms</c>): one representation both providers compare natively (EF's SQLite provider stores DateTimeOffset as text).
/// </summary>
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

    public long NextAttemptAtMs { get; set; }

    /// <summary>Failed attempts (errors, timeouts); bounded by <c>MaxAttempts</c>.</summary>
    public int Attempts { get; set; }

    /// <summary>Times the platform said "slow down" (429); bounded separately, a rate limit is not a failure.</summary>
    public int Throttles { get; set; }

    /// <summary>Set while an instance holds the row; another instance may take it after this time.</summary>
    public long? LeaseUntilMs { get; set; }

    public string? LeaseOwner { get; set; }

    /// <summary>When the platform accepted it: the per-channel pace counts from here.</summary>
    public long? SentAtMs { get; set; }

    /// <summary>Done: delivered, or superseded by a newer update of the same artefact.</summary>
    public long? DeliveredAtMs { get; set; }

    public string? PlatformMessageId { get; set; }

    /// <summary>A newer update of the same artefact was delivered instead.</summary>
    public bool Superseded { get; set; }

    public bool DeadLettered { get; set; }

    /// <summary>
    /// An earlier attempt may have reached the platform: its answer was lost, or the instance holding the row died mid-call.
    /// The next attempt looks for the message before posting it again.
    /// </summary>
    public bool Unsure { get; set; }

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
        b.HasIndex(e => new { e.DeliveredAtMs, e.DeadLettered, e.NextAttemptAtMs });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.SentAtMs });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.ArtefactKey, e.Id });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.IdempotencyKey }).IsUnique();
    }
}

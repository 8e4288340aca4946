using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Reminders;

/// <summary>A channel's weekly reminder. <see cref="NextRunMs"/> is the next occurrence in UTC Unix milliseconds (compared by the claim query on both providers).</summary>
internal sealed class ReminderEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Platform { get; set; }

    /// <summary>The channel's <see cref="Engine.ConversationKey"/>, JSON.</summary>
    public required string ConversationJson { get; set; }

    public int Day { get; set; }

    public int Hour { get; set; }

    public int Minute { get; set; }

    public required string TimeZoneId { get; set; }

    public bool Enabled { get; set; }

    public long? NextRunMs { get; set; }

    public long? LastRunMs { get; set; }

    public string? SkipReason { get; set; }

    public string? DisabledReason { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long? LeaseUntilMs { get; set; }

    public string? LeaseOwner { get; set; }
}

internal sealed class ReminderEntityConfiguration : IEntityTypeConfiguration<ReminderEntity>
{
    public void Configure(EntityTypeBuilder<ReminderEntity> b)
    {
        b.ToTable("reminders");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Platform).HasMaxLength(20);
        b.Property(e => e.TimeZoneId).HasMaxLength(64);
        b.Property(e => e.SkipReason).HasMaxLength(400);
        b.Property(e => e.DisabledReason).HasMaxLength(400);
        b.Property(e => e.UpdatedBy).HasMaxLength(200);
        b.Property(e => e.LeaseOwner).HasMaxLength(100);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel }).IsUnique();
        b.HasIndex(e => new { e.Enabled, e.NextRunMs });
    }
}

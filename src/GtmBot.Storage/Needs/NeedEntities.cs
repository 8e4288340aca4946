using GtmBot.Engine.Flows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Needs;

/// <summary>A need of a channel. <see cref="Version"/> is checked in every UPDATE that changes it.</summary>
internal sealed class NeedEntity
{
    public const int MaxTitleLength = 200;

    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    /// <summary>The number people type, unique in the channel.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Status { get; set; }

    public string? Moscow { get; set; }

    public string? Owner { get; set; }

    public string? Effort { get; set; }

    /// <summary>Linked quote ids, comma-separated, in the order they were linked.</summary>
    public required string QuoteIds { get; set; }

    public int Version { get; set; }

    public string? ThemeKey { get; set; }

    public string? Reason { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One change of a need: appended, never updated.</summary>
internal sealed class NeedChangeEntity
{
    public long Id { get; set; }

    public long NeedId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Seq { get; set; }

    public required string Property { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Unix milliseconds of <see cref="At"/>: compared in queries on both providers.</summary>
    public long AtMs { get; set; }

    /// <summary>People a direct message was enqueued for, comma-separated; null for none.</summary>
    public string? Notified { get; set; }
}

internal sealed class NeedEntityConfiguration : IEntityTypeConfiguration<NeedEntity>
{
    public void Configure(EntityTypeBuilder<NeedEntity> b)
    {
        b.ToTable("needs");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Title).HasMaxLength(NeedEntity.MaxTitleLength);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.Moscow).HasMaxLength(20);
        b.Property(e => e.Owner).HasMaxLength(200);
        b.Property(e => e.Effort).HasMaxLength(20);
        b.Property(e => e.ThemeKey).HasMaxLength(400);
        b.Property(e => e.Reason).HasMaxLength(NeedFlow.MaxReasonLength);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Number }).IsUnique();
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.ThemeKey });
    }
}

internal sealed class NeedChangeEntityConfiguration : IEntityTypeConfiguration<NeedChangeEntity>
{
    public void Configure(EntityTypeBuilder<NeedChangeEntity> b)
    {
        b.ToTable("need_changes");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Property).HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(NeedFlow.MaxReasonLength);
        b.Property(e => e.By).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.NeedId, e.Seq });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Property, e.AtMs });
    }
}

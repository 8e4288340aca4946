using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Planning;

/// <summary>A channel's GTM checklist. <see cref="Version"/> guards the life-cycle stage.</summary>
internal sealed class ChecklistEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Stage { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ChecklistItemEntity> Items { get; set; } = [];
}

/// <summary>One step of the checklist. <see cref="Version"/> is bumped by every edit and checked in the UPDATE.</summary>
internal sealed class ChecklistItemEntity
{
    public long Id { get; set; }

    public long ChecklistId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Step { get; set; }

    public required string Status { get; set; }

    public string? OwnerId { get; set; }

    public DateOnly? Due { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>One kept change of the checklist (step 0: the stage).</summary>
internal sealed class ChecklistChangeEntity
{
    public long Id { get; set; }

    public long ChecklistId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Step { get; set; }

    public required string Property { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class ChecklistEntityConfiguration : IEntityTypeConfiguration<ChecklistEntity>
{
    public void Configure(EntityTypeBuilder<ChecklistEntity> b)
    {
        b.ToTable("checklists");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Stage).HasMaxLength(20);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel }).IsUnique();
        b.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.ChecklistId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistItemEntityConfiguration : IEntityTypeConfiguration<ChecklistItemEntity>
{
    public void Configure(EntityTypeBuilder<ChecklistItemEntity> b)
    {
        b.ToTable("checklist_items");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.OwnerId).HasMaxLength(200);
        b.Property(e => e.UpdatedBy).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.ChecklistId, e.Step }).IsUnique();
    }
}

internal sealed class ChecklistChangeEntityConfiguration : IEntityTypeConfiguration<ChecklistChangeEntity>
{
    public void Configure(EntityTypeBuilder<ChecklistChangeEntity> b)
    {
        b.ToTable("checklist_changes");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Property).HasMaxLength(20);
        b.Property(e => e.UserId).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Id });
        b.HasOne<ChecklistEntity>().WithMany().HasForeignKey(e => e.ChecklistId).OnDelete(DeleteBehavior.Cascade);
    }
}

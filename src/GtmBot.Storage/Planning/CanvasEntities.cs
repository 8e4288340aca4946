using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Planning;

/// <summary>A named 4W1H canvas of a channel.</summary>
internal sealed class CanvasEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CanvasFieldEntity> Fields { get; set; } = [];
}

/// <summary>One field of a canvas. <see cref="Version"/> is bumped by every edit and checked in the UPDATE.</summary>
internal sealed class CanvasFieldEntity
{
    public long Id { get; set; }

    public long CanvasId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Field { get; set; }

    public string? Value { get; set; }

    /// <summary>need, want or unclear (the Why field's call).</summary>
    public required string Motive { get; set; }

    public int Version { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>One kept change of a canvas field.</summary>
internal sealed class CanvasChangeEntity
{
    public long Id { get; set; }

    public long CanvasId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public required string OldMotive { get; set; }

    public required string NewMotive { get; set; }

    public required string UserId { get; set; }

    public string? UserName { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class CanvasEntityConfiguration : IEntityTypeConfiguration<CanvasEntity>
{
    public void Configure(EntityTypeBuilder<CanvasEntity> b)
    {
        b.ToTable("canvases");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Name).HasMaxLength(PlanningLimits.MaxNameLength);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Name }).IsUnique();
        b.HasMany(e => e.Fields).WithOne().HasForeignKey(f => f.CanvasId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CanvasFieldEntityConfiguration : IEntityTypeConfiguration<CanvasFieldEntity>
{
    public void Configure(EntityTypeBuilder<CanvasFieldEntity> b)
    {
        b.ToTable("canvas_fields");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Field).HasMaxLength(20);
        b.Property(e => e.Motive).HasMaxLength(20);
        b.Property(e => e.UpdatedBy).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.CanvasId, e.Field }).IsUnique();
    }
}

internal sealed class CanvasChangeEntityConfiguration : IEntityTypeConfiguration<CanvasChangeEntity>
{
    public void Configure(EntityTypeBuilder<CanvasChangeEntity> b)
    {
        b.ToTable("canvas_changes");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Field).HasMaxLength(20);
        b.Property(e => e.OldMotive).HasMaxLength(20);
        b.Property(e => e.NewMotive).HasMaxLength(20);
        b.Property(e => e.UserId).HasMaxLength(200);
        b.Property(e => e.UserName).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.CanvasId, e.Id });
        b.HasOne<CanvasEntity>().WithMany().HasForeignKey(e => e.CanvasId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Sizes of the planning columns.</summary>
internal static class PlanningLimits
{
    /// <summary>Longest canvas name kept (the flow trims names to this).</summary>
    public const int MaxNameLength = GtmBot.Engine.Flows.PlanningText.MaxNameLength;
}

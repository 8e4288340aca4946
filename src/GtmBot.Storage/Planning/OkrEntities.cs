using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Planning;

/// <summary>A joint objective of a channel (checklist step 6). <see cref="Number"/> is unique per channel.</summary>
internal sealed class ObjectiveEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string ProductOwner { get; set; }

    public required string SalesOwner { get; set; }

    public DateOnly? Due { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<KeyResultEntity> KeyResults { get; set; } = [];
}

/// <summary>A key result of an objective. <see cref="Number"/> is unique per objective.</summary>
internal sealed class KeyResultEntity
{
    public long Id { get; set; }

    public long ObjectiveId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }

    public decimal Target { get; set; }

    public string? Unit { get; set; }

    public decimal Progress { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class ObjectiveEntityConfiguration : IEntityTypeConfiguration<ObjectiveEntity>
{
    public void Configure(EntityTypeBuilder<ObjectiveEntity> b)
    {
        b.ToTable("objectives");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Title).HasMaxLength(Engine.Flows.OkrFlow.MaxTitleLength);
        b.Property(e => e.ProductOwner).HasMaxLength(200);
        b.Property(e => e.SalesOwner).HasMaxLength(200);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Number }).IsUnique();
        b.HasMany(e => e.KeyResults).WithOne().HasForeignKey(k => k.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyResultEntityConfiguration : IEntityTypeConfiguration<KeyResultEntity>
{
    public void Configure(EntityTypeBuilder<KeyResultEntity> b)
    {
        b.ToTable("key_results");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Text).HasMaxLength(Engine.Flows.OkrFlow.MaxTitleLength);
        b.Property(e => e.Unit).HasMaxLength(Engine.Flows.OkrFlow.MaxUnitLength);
        b.Property(e => e.Target).HasPrecision(18, 4);
        b.Property(e => e.Progress).HasPrecision(18, 4);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.Property(e => e.UpdatedBy).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.ObjectiveId, e.Number }).IsUnique();
    }
}

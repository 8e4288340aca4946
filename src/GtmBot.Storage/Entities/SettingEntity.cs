using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Entities;

/// <summary>A preference or setting. Scope <c>user</c> (Subject = user id), <c>workspace</c> (Subject = "") or <c>channel</c> (Subject = channel id).</summary>
internal sealed class SettingEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Scope { get; set; }

    public required string Subject { get; set; }

    public required string Name { get; set; }

    public string? Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SettingEntityConfiguration : IEntityTypeConfiguration<SettingEntity>
{
    public void Configure(EntityTypeBuilder<SettingEntity> b)
    {
        b.ToTable("settings");
        b.HasIndex(e => new { e.WorkspaceKey, e.Scope, e.Subject, e.Name }).IsUnique();
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Scope).HasMaxLength(20);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Value).HasMaxLength(4000);
    }
}

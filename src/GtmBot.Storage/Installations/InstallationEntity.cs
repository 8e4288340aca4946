using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Installations;

/// <summary>One workspace's installation of the bot. Workspace-wide, so <see cref="Channel"/> is empty.</summary>
internal sealed class InstallationEntity
{
    public required string WorkspaceKey { get; set; }

    /// <summary>Installations belong to the workspace, not a channel: always empty, kept for the house rule that every row has both.</summary>
    public string Channel { get; set; } = string.Empty;

    public required string Platform { get; set; }

    public required string Workspace { get; set; }

    public string? EnterpriseId { get; set; }

    public bool IsEnterpriseInstall { get; set; }

    /// <summary>The token as encrypted by the edge.</summary>
    public required string ProtectedToken { get; set; }

    public string? BotUserId { get; set; }

    public string? BotId { get; set; }

    public string? Scopes { get; set; }

    public string? InstalledBy { get; set; }

    public DateTimeOffset InstalledAt { get; set; }
}

internal sealed class InstallationEntityConfiguration : IEntityTypeConfiguration<InstallationEntity>
{
    public void Configure(EntityTypeBuilder<InstallationEntity> b)
    {
        b.ToTable("installations");
        b.HasKey(e => new { e.WorkspaceKey, e.Channel });
        b.Property(e => e.WorkspaceKey).HasMaxLength(120);
        b.Property(e => e.Channel).HasMaxLength(100);
        b.Property(e => e.Platform).HasMaxLength(20);
        b.Property(e => e.Workspace).HasMaxLength(100);
        b.Property(e => e.EnterpriseId).HasMaxLength(100);
        b.Property(e => e.ProtectedToken).HasMaxLength(2000);
        b.Property(e => e.BotUserId).HasMaxLength(100);
        b.Property(e => e.BotId).HasMaxLength(100);
        b.Property(e => e.Scopes).HasMaxLength(2000);
        b.Property(e => e.InstalledBy).HasMaxLength(100);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.DataOut;

/// <summary>An API token: its SHA-256 hash, never the secret.</summary>
internal sealed class ApiTokenEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    public required string Prefix { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A webhook subscription of a workspace.</summary>
internal sealed class WebhookEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Url { get; set; }

    /// <summary>Event types, comma-separated.</summary>
    public required string Events { get; set; }

    /// <summary>The HMAC key; it has to be readable to sign, so it is kept as given (the database is the trust boundary).</summary>
    public required string Secret { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An export file, kept until delivered to the channel and while its download link may be used.</summary>
internal sealed class ExportFileEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A weekly export of a channel; claimed by the scheduler with a lease like the reminders.</summary>
internal sealed class ExportScheduleEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Day { get; set; }

    public int Hour { get; set; }

    public int Minute { get; set; }

    public required string TimeZoneId { get; set; }

    /// <summary>The <see cref="Engine.DataOut.ExportRequest"/>, JSON.</summary>
    public required string RequestJson { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long NextRunMs { get; set; }

    public long? LastRunMs { get; set; }

    public long? LeaseUntilMs { get; set; }

    public string? LeaseOwner { get; set; }
}

internal sealed class ApiTokenEntityConfiguration : IEntityTypeConfiguration<ApiTokenEntity>
{
    public void Configure(EntityTypeBuilder<ApiTokenEntity> b)
    {
        b.ToTable("api_tokens");
        b.HasIndex(e => e.Hash).IsUnique();
        b.HasIndex(e => new { e.WorkspaceKey, e.Name });
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Name).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.Prefix).HasMaxLength(16);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class WebhookEntityConfiguration : IEntityTypeConfiguration<WebhookEntity>
{
    public void Configure(EntityTypeBuilder<WebhookEntity> b)
    {
        b.ToTable("webhooks");
        b.HasIndex(e => e.WorkspaceKey);
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.Events).HasMaxLength(200);
        b.Property(e => e.Secret).HasMaxLength(100);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class ExportFileEntityConfiguration : IEntityTypeConfiguration<ExportFileEntity>
{
    public void Configure(EntityTypeBuilder<ExportFileEntity> b)
    {
        b.ToTable("export_files");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel });
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Title).HasMaxLength(200);
    }
}

internal sealed class ExportScheduleEntityConfiguration : IEntityTypeConfiguration<ExportScheduleEntity>
{
    public void Configure(EntityTypeBuilder<ExportScheduleEntity> b)
    {
        b.ToTable("export_schedules");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel });
        b.HasIndex(e => e.NextRunMs);
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.TimeZoneId).HasMaxLength(64);
        b.Property(e => e.RequestJson).HasMaxLength(4000);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.Property(e => e.LeaseOwner).HasMaxLength(100);
    }
}

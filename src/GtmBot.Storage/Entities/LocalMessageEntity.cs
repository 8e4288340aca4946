using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Entities;

/// <summary>A message in a channel of the local channel page (the built-in, platform-free channel).</summary>
internal sealed class LocalMessageEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    /// <summary>Set for the channel's living artefact messages, which are updated in place.</summary>
    public string? ArtefactKey { get; set; }

    public required string ReplyJson { get; set; }

    /// <summary>Who typed it, for a person's own command kept in the channel's history; null for the bot's messages.</summary>
    public string? Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class LocalMessageEntityConfiguration : IEntityTypeConfiguration<LocalMessageEntity>
{
    public void Configure(EntityTypeBuilder<LocalMessageEntity> b)
    {
        b.ToTable("local_messages");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.ArtefactKey).HasMaxLength(200);
        b.Property(e => e.Author).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Id });
    }
}

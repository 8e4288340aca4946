using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Delivery;

/// <summary>The platform message that shows a channel's living artefact (canvas, checklist, drill), updated in place.</summary>
internal sealed class ArtefactMessageEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string ArtefactKey { get; set; }

    public required string PlatformMessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ArtefactMessageEntityConfiguration : IEntityTypeConfiguration<ArtefactMessageEntity>
{
    public void Configure(EntityTypeBuilder<ArtefactMessageEntity> b)
    {
        b.ToTable("artefact_messages");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.ArtefactKey).HasMaxLength(200);
        b.Property(e => e.PlatformMessageId).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.ArtefactKey }).IsUnique();
    }
}

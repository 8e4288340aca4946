using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Teams;

/// <summary>How to reach a channel proactively: the edge's serialized conversation reference.</summary>
internal sealed class ConversationReferenceEntity
{
    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Reference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ConversationReferenceEntityConfiguration : IEntityTypeConfiguration<ConversationReferenceEntity>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceEntity> b)
    {
        b.ToTable("conversation_references");
        b.HasKey(e => new { e.WorkspaceKey, e.Channel });
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(400);
        b.Property(e => e.Reference).HasMaxLength(8000);
    }
}

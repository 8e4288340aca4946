using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Summaries;

/// <summary>A feedback summary request with its pasted text and, once done, its result.</summary>
internal sealed class SummaryRequestEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    /// <summary>The full <see cref="Engine.ConversationKey"/> (with the thread), JSON.</summary>
    public required string ConversationJson { get; set; }

    public required string UserId { get; set; }

    public required string Text { get; set; }

    public string? Language { get; set; }

    public bool UseLlm { get; set; }

    public required string UiLang { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while an instance works on it; another may take it after this time.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LeaseOwner { get; set; }

    public int Attempts { get; set; }

    /// <summary>The <see cref="Engine.Summaries.FeedbackSummary"/>, JSON; null until done.</summary>
    public string? ResultJson { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class SummaryRequestEntityConfiguration : IEntityTypeConfiguration<SummaryRequestEntity>
{
    public void Configure(EntityTypeBuilder<SummaryRequestEntity> b)
    {
        b.ToTable("summary_requests");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.UserId).HasMaxLength(200);
        b.Property(e => e.Language).HasMaxLength(10);
        b.Property(e => e.UiLang).HasMaxLength(10);
        b.Property(e => e.LeaseOwner).HasMaxLength(100);
        b.HasIndex(e => new { e.CompletedAt, e.LeaseUntil });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Id });
    }
}

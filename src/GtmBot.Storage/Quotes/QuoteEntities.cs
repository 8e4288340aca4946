using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Quotes;

/// <summary>A captured customer quote with the tagger's reading. People's corrections live in <see cref="QuoteCorrectionEntity"/>.</summary>
internal sealed class QuoteEntity
{
    /// <summary>Longest quote text stored (the flow refuses longer ones before they get here).</summary>
    public const int MaxTextLength = 4000;

    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string Text { get; set; }

    public string? Customer { get; set; }

    public required string Language { get; set; }

    public required string CapturedBy { get; set; }

    public string? CapturedByName { get; set; }

    public string? Author { get; set; }

    public string? AuthorName { get; set; }

    public string? Permalink { get; set; }

    public string? MessageId { get; set; }

    public required string Source { get; set; }

    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>The tagger's tags, comma-separated in taxonomy order.</summary>
    public required string AutoTags { get; set; }

    public required string AutoMotive { get; set; }

    /// <summary>The tagger's tags it was not confident about (shown as suggested), comma-separated; null for none.</summary>
    public string? SuggestedTags { get; set; }

    public DateTimeOffset TaggedAt { get; set; }

    /// <summary><see cref="Engine.Tagging.QuoteFingerprint"/> of the text and customer: unique per channel, so a quote is kept once. Null on rows stored before it existed.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>
    /// What keyword searches read: <see cref="Engine.Tagging.PhraseMatcher.Fold"/> of the text and customer, as
    /// <see cref="Engine.Tagging.QuoteQuery"/> folds them. Indexed by the search indexes of the <c>QuoteSearch</c> migration
    /// (SQLite FTS5 trigram <c>quotes_fts</c>, PostgreSQL GIN <c>ix_quotes_search_trgm</c>).
    /// </summary>
    public string? SearchText { get; set; }
}

/// <summary>One person's correction of a quote's tag or motive: appended, never updated, so the history stays.</summary>
internal sealed class QuoteCorrectionEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public long QuoteId { get; set; }

    public required string Field { get; set; }

    public required string Value { get; set; }

    public required string By { get; set; }

    public string? ByName { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>The MoSCoW call on a theme of a channel's quotes (latest wins).</summary>
internal sealed class QuoteThemePriorityEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public required string ThemeKey { get; set; }

    public required string Priority { get; set; }

    public required string SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

internal sealed class QuoteEntityConfiguration : IEntityTypeConfiguration<QuoteEntity>
{
    public void Configure(EntityTypeBuilder<QuoteEntity> b)
    {
        b.ToTable("quotes");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.CapturedAt });
        // Only quotes captured from a message (shortcut, reaction, message action) carry its id, and only FindByMessageAsync reads
        // it: a slash or form capture then writes no entry in this index.
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.MessageId }).HasFilter("\"MessageId\" IS NOT NULL");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Fingerprint }).IsUnique();
        b.HasIndex(e => new { e.WorkspaceKey, e.CapturedBy, e.CapturedAt }).HasDatabaseName("ix_quotes_person");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Customer }).HasDatabaseName("ix_quotes_channel_customer");
        b.HasIndex(e => new { e.WorkspaceKey, e.CapturedAt }).HasDatabaseName("ix_quotes_workspace_time");
        b.Property(e => e.Fingerprint).HasMaxLength(Engine.Tagging.QuoteFingerprint.Length);
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Text).HasMaxLength(QuoteEntity.MaxTextLength);
        b.Property(e => e.Customer).HasMaxLength(200);
        b.Property(e => e.Language).HasMaxLength(10);
        b.Property(e => e.CapturedBy).HasMaxLength(200);
        b.Property(e => e.CapturedByName).HasMaxLength(200);
        b.Property(e => e.Author).HasMaxLength(200);
        b.Property(e => e.AuthorName).HasMaxLength(200);
        b.Property(e => e.Permalink).HasMaxLength(2000);
        b.Property(e => e.MessageId).HasMaxLength(200);
        b.Property(e => e.Source).HasMaxLength(40);
        b.Property(e => e.AutoTags).HasMaxLength(200);
        b.Property(e => e.AutoMotive).HasMaxLength(10);
        b.Property(e => e.SuggestedTags).HasMaxLength(200);
        b.Property(e => e.SearchText).HasMaxLength(QuoteEntity.MaxTextLength + 201);
    }
}

internal sealed class QuoteCorrectionEntityConfiguration : IEntityTypeConfiguration<QuoteCorrectionEntity>
{
    public void Configure(EntityTypeBuilder<QuoteCorrectionEntity> b)
    {
        b.ToTable("quote_corrections");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.QuoteId });
        b.HasOne<QuoteEntity>().WithMany().HasForeignKey(e => e.QuoteId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Field).HasMaxLength(40);
        b.Property(e => e.Value).HasMaxLength(20);
        b.Property(e => e.By).HasMaxLength(200);
        b.Property(e => e.ByName).HasMaxLength(200);
    }
}

internal sealed class QuoteThemePriorityEntityConfiguration : IEntityTypeConfiguration<QuoteThemePriorityEntity>
{
    public void Configure(EntityTypeBuilder<QuoteThemePriorityEntity> b)
    {
        b.ToTable("quote_theme_priorities");
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.ThemeKey }).IsUnique();
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.ThemeKey).HasMaxLength(200);
        b.Property(e => e.Priority).HasMaxLength(10);
        b.Property(e => e.SetBy).HasMaxLength(200);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Planning;

/// <summary>A five-whys drill. <see cref="Stage"/> and <see cref="AnswerCount"/> are checked in every UPDATE that moves it.</summary>
internal sealed class DrillEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    /// <summary>The drill's number in its channel (#1, #2, …), unique per channel.</summary>
    public int Number { get; set; }

    public required string Problem { get; set; }

    public required string Stage { get; set; }

    public required string Motive { get; set; }

    public int AnswerCount { get; set; }

    public required string StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? AppliedTo { get; set; }

    public string? RootCause { get; set; }

    public int? RootCauseStep { get; set; }

    public string? RootCauseBy { get; set; }

    public string? WhyUs { get; set; }

    public string? WhyUsBy { get; set; }

    public List<DrillAnswerEntity> Answers { get; set; } = [];
}

/// <summary>One answer to "why?".</summary>
internal sealed class DrillAnswerEntity
{
    public long Id { get; set; }

    public long DrillId { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string Channel { get; set; }

    public int Step { get; set; }

    public required string Text { get; set; }

    public required string UserId { get; set; }

    public string? UserName { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class DrillEntityConfiguration : IEntityTypeConfiguration<DrillEntity>
{
    public void Configure(EntityTypeBuilder<DrillEntity> b)
    {
        b.ToTable("drills");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.Stage).HasMaxLength(20);
        b.Property(e => e.Motive).HasMaxLength(20);
        b.Property(e => e.StartedBy).HasMaxLength(200);
        b.Property(e => e.AppliedTo).HasMaxLength(200);
        b.Property(e => e.RootCauseBy).HasMaxLength(200);
        b.Property(e => e.WhyUsBy).HasMaxLength(200);
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Id });
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.Number }).IsUnique();
        b.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.DrillId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DrillAnswerEntityConfiguration : IEntityTypeConfiguration<DrillAnswerEntity>
{
    public void Configure(EntityTypeBuilder<DrillAnswerEntity> b)
    {
        b.ToTable("drill_answers");
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.Channel).HasMaxLength(200);
        b.Property(e => e.UserId).HasMaxLength(200);
        b.Property(e => e.UserName).HasMaxLength(200);

        // One answer per why: a second insert for the same step fails even if the stage check were bypassed.
        b.HasIndex(e => new { e.DrillId, e.Step }).IsUnique();
        b.HasIndex(e => new { e.WorkspaceKey, e.Channel, e.DrillId });
    }
}

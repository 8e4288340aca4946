using GtmBot.Engine.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GtmBot.Storage.Customers;

/// <summary>One customer profile of a workspace; <see cref="NameKey"/> is the trimmed, lower-cased name it is found by.</summary>
internal sealed class CustomerEntity
{
    public long Id { get; set; }

    public required string WorkspaceKey { get; set; }

    public required string NameKey { get; set; }

    public required string Name { get; set; }

    public string? Segment { get; set; }

    public string? Industry { get; set; }

    public decimal? Arr { get; set; }

    public DateOnly? Renewal { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CustomerEntityConfiguration : IEntityTypeConfiguration<CustomerEntity>
{
    public void Configure(EntityTypeBuilder<CustomerEntity> b)
    {
        b.ToTable("customers");
        b.HasIndex(e => new { e.WorkspaceKey, e.NameKey }).IsUnique();
        b.Property(e => e.WorkspaceKey).HasMaxLength(200);
        b.Property(e => e.NameKey).HasMaxLength(CustomerStore.MaxNameLength);
        b.Property(e => e.Name).HasMaxLength(CustomerStore.MaxNameLength);
        b.Property(e => e.Segment).HasMaxLength(CustomerStore.MaxLabelLength);
        b.Property(e => e.Industry).HasMaxLength(CustomerStore.MaxLabelLength);
        b.Property(e => e.Arr).HasPrecision(18, 2);
        b.Property(e => e.UpdatedBy).HasMaxLength(200);
    }
}

/// <summary>EF implementation of <see cref="ICustomerStore"/>.</summary>
internal sealed class CustomerStore(IGtmDbFactory db) : ICustomerStore
{
    /// <summary>Longest customer name kept (quotes carry the same name).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest segment or industry label.</summary>
    public const int MaxLabelLength = 64;

    public static string Key(string name) => name.Trim().ToLowerInvariant();

    public async Task<CustomerProfile?> GetAsync(string workspaceKey, string name, CancellationToken cancellationToken)
    {
        var key = Key(name);
        await using var ctx = db.Create();
        var row = await ctx.Set<CustomerEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.WorkspaceKey == workspaceKey && c.NameKey == key, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<CustomerProfile>> ListAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<CustomerEntity>().AsNoTracking().Where(c => c.WorkspaceKey == workspaceKey).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.NameKey, StringComparer.Ordinal).Select(ToRecord)];
    }

    public async Task UpsertAsync(string workspaceKey, CustomerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(profile.Arr ?? 0, nameof(profile));
        var name = profile.Name.Trim();
        // Checked here rather than left to the database: SQLite ignores column lengths and PostgreSQL's refusal would read as a race below.
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A customer name must have 1 to {MaxNameLength} characters; this one has {name.Length}.", nameof(profile));
        }

        if ((profile.Segment?.Length ?? 0) > MaxLabelLength || (profile.Industry?.Length ?? 0) > MaxLabelLength)
        {
            throw new ArgumentException($"Segment and industry are at most {MaxLabelLength} characters.", nameof(profile));
        }

        // PostgreSQL's timestamptz takes UTC only; the instant is what matters.
        profile = profile with { Name = name, UpdatedAt = profile.UpdatedAt.ToUniversalTime() };
        var key = Key(profile.Name);
        await using var ctx = db.Create();
        var row = await ctx.Set<CustomerEntity>().FirstOrDefaultAsync(c => c.WorkspaceKey == workspaceKey && c.NameKey == key, cancellationToken);
        if (row is null)
        {
            row = new CustomerEntity { WorkspaceKey = workspaceKey, NameKey = key, Name = profile.Name, UpdatedBy = profile.UpdatedBy };
            ctx.Add(row);
        }

        row.Name = profile.Name;
        row.Segment = profile.Segment;
        row.Industry = profile.Industry;
        row.Arr = profile.Arr;
        row.Renewal = profile.Renewal;
        row.UpdatedBy = profile.UpdatedBy;
        row.UpdatedAt = profile.UpdatedAt;
        try
        {
            await ctx.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row.Id == 0)
        {
            // Another request created the same customer first: write over it.
            await using var retry = db.Create();
            var updated = await retry.Set<CustomerEntity>().Where(c => c.WorkspaceKey == workspaceKey && c.NameKey == key).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Name, profile.Name).SetProperty(c => c.Segment, profile.Segment).SetProperty(c => c.Industry, profile.Industry).SetProperty(c => c.Arr, profile.Arr)
                    .SetProperty(c => c.Renewal, profile.Renewal).SetProperty(c => c.UpdatedBy, profile.UpdatedBy).SetProperty(c => c.UpdatedAt, profile.UpdatedAt),
                cancellationToken);
            if (updated == 0)
            {
                // Not a race after all (no row to write over): the first failure was something else.
                throw;
            }
        }
    }

    private static CustomerProfile ToRecord(CustomerEntity c) => new(c.Name, c.Segment, c.Industry, c.Arr, c.Renewal, c.UpdatedBy, c.UpdatedAt);
}

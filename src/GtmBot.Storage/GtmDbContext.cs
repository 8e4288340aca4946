using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage;

/// <summary>
/// All of GtmBot's state. Entity types configure themselves with <see cref="IEntityTypeConfiguration{TEntity}"/> in this assembly;
/// use <c>Set&lt;T&gt;()</c>. Each provider has its own subclass so each keeps its own migration set.
/// </summary>
public abstract class GtmDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GtmDbContext).Assembly);
    }
}

/// <summary>The SQLite flavour (migrations in <c>Migrations/Sqlite</c>).</summary>
public sealed class SqliteGtmDbContext(DbContextOptions<SqliteGtmDbContext> options) : GtmDbContext(options);

/// <summary>The PostgreSQL flavour (migrations in <c>Migrations/Postgres</c>).</summary>
public sealed class PostgresGtmDbContext(DbContextOptions<PostgresGtmDbContext> options) : GtmDbContext(options);

/// <summary>Creates a short-lived context of the configured provider.</summary>
public interface IGtmDbFactory
{
    StorageProvider Provider { get; }

    GtmDbContext Create();
}

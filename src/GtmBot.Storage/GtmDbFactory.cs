using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GtmBot.Storage;

internal sealed class GtmDbFactory : IGtmDbFactory
{
    private readonly DbContextOptions<SqliteGtmDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresGtmDbContext>? _postgres;

    public GtmDbFactory(StorageProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == StorageProvider.Postgres)
        {
            _postgres = new DbContextOptionsBuilder<PostgresGtmDbContext>()
                .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
                .Options;
        }
        else
        {
            _sqlite = new DbContextOptionsBuilder<SqliteGtmDbContext>()
                .UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
                .AddInterceptors(new SqlitePragmas())
                .Options;
        }
    }

    public StorageProvider Provider { get; }

    public GtmDbContext Create() => Provider == StorageProvider.Postgres
        ? new PostgresGtmDbContext(_postgres!)
        : new SqliteGtmDbContext(_sqlite!);

    /// <summary>
    /// busy_timeout waits for a lock instead of failing at once; foreign_keys is per connection in SQLite; synchronous=FULL
    /// syncs the WAL on every commit, so a committed (acknowledged) write survives a power loss, not only a process kill
    /// (group commit pays that sync once per batch).
    /// WAL (readers and the writer at once) is persistent per file, so it is set once at startup (<see cref="EnableWalAsync"/>).
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string ConnectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = ConnectionPragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = ConnectionPragmas;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Switches the SQLite file to write-ahead logging; a no-op on PostgreSQL.</summary>
    public static async Task EnableWalAsync(GtmDbContext context, CancellationToken cancellationToken)
    {
        if (context is SqliteGtmDbContext)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    internal static string SqliteConnectionString(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "gtmbot.db"), Pooling = true }.ToString();
    }
}

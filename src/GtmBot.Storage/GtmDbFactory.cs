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

    /// <summary>WAL lets readers and the writer work at once; busy_timeout waits for a lock instead of failing at once.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
            cmd.ExecuteNonQuery();
        }
    }

    internal static string SqliteConnectionString(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "gtmbot.db"), Pooling = true }.ToString();
    }
}

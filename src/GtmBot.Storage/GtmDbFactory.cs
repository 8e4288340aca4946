using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GtmBot.Storage;

/// <summary>
/// A new context per call. Pooled contexts (<c>PooledDbContextFactory</c>) were tried for the capture path and taken out:
/// a pooled context keeps its <c>SqliteConnection</c> object, which broke when the process cleared SQLite's connection
/// pools (the tests do, between databases); with the hot look-ups cached a capture opens one context per commit batch anyway.
/// </summary>
internal sealed class GtmDbFactory : IGtmDbFactory
{
    private readonly DbContextOptions<SqliteGtmDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresGtmDbContext>? _postgres;

    private readonly string _connectionString;
    private readonly SqliteSync _sqliteSync;

    public GtmDbFactory(StorageProvider provider, string connectionString, SqliteSync sqliteSync = SqliteSync.Full)
    {
        Provider = provider;
        _connectionString = connectionString;
        _sqliteSync = sqliteSync;
        if (provider == StorageProvider.Postgres)
        {
            _postgres = PostgresOptions(connectionString);
        }
        else
        {
            _sqlite = new DbContextOptionsBuilder<SqliteGtmDbContext>()
                .UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
                .AddInterceptors(new SqlitePragmas(sqliteSync))
                .Options;
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>In a method of its own, so a SQLite host never loads the Npgsql assemblies (the JIT loads what a method names).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptions<PostgresGtmDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresGtmDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
            .Options;

    public GtmDbContext Create() => Provider == StorageProvider.Postgres
        ? new PostgresGtmDbContext(_postgres!)
        : new SqliteGtmDbContext(_sqlite!);

    /// <summary>
    /// SQLite: a connection of the group-commit writer's own, open for as long as the writer runs, so its page cache and
    /// prepared statements stay warm (a pooled handle's cache is dropped whenever another handle has written). Not pooled,
    /// so clearing the pools does not close it under the writer. Its commits never checkpoint (<c>wal_autocheckpoint=0</c>):
    /// SQLite's automatic checkpoint runs inside the COMMIT that crosses the threshold, copying the log into the database
    /// and syncing it while every request of that batch waits; <see cref="Writes.WalCheckpointer"/> does it beside the writer.
    /// </summary>
    /// <see href="https://www.sqlite.org/wal.html#automatic_checkpoint"/>
    internal SqliteConnection OpenSqliteWriter() =>
        OpenSqliteOwn($"PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-{WriterCacheKiB.ToString(CultureInfo.InvariantCulture)};");

    /// <summary>
    /// Page cache of the writer's connection, in KiB (SQLite's default is 2,000). A capture inserts into indexes keyed at
    /// random (fingerprint, person, customer) and into the FTS5 index, so with the default the writer re-read pages it had
    /// just written (<c>pread</c> was ~4 % of a capture's CPU samples); SQLite grows the cache only as pages are used.
    /// </summary>
    /// <see href="https://www.sqlite.org/pragma.html#pragma_cache_size"/>
    internal const int WriterCacheKiB = 16_384;

    /// <summary>SQLite: a connection of the checkpointer's own (not pooled, kept open while it runs).</summary>
    internal SqliteConnection OpenSqliteCheckpointer() => OpenSqliteOwn(string.Empty);

    private SqliteConnection OpenSqliteOwn(string pragmas)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SqlitePragmas.For(_sqliteSync) + pragmas;
        cmd.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// busy_timeout waits for a lock instead of failing at once; foreign_keys is per connection in SQLite; synchronous=FULL
    /// (the default) syncs the WAL on every commit, so a committed (acknowledged) write survives a power loss, not only a
    /// process kill (group commit pays that sync once per batch); NORMAL syncs only at checkpoints (survives a process kill).
    /// WAL (readers and the writer at once) is persistent per file, so it is set once at startup (<see cref="EnableWalAsync"/>).
    /// The three are per native connection and Microsoft.Data.Sqlite pools those, so they run once per native handle, not on
    /// every open (a statement per request in the capture profile).
    /// </summary>
    private sealed class SqlitePragmas(SqliteSync sync) : DbConnectionInterceptor
    {
        private readonly string _connectionPragmas = For(sync);

        private readonly ConditionalWeakTable<object, object> _configured = new();

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsNew(connection))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = _connectionPragmas;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsNew(connection))
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = _connectionPragmas;
                cmd.ExecuteNonQuery();
            }
        }

        public static string For(SqliteSync sync) => "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous="
            + (sync == SqliteSync.Normal ? "NORMAL;" : "FULL;");

        /// <summary>True the first time this native handle is seen (a pooled handle keeps its PRAGMAs across opens).</summary>
        private bool IsNew(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
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

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GtmBot.Storage.Writes;

/// <summary>
/// Checkpoints SQLite's write-ahead log beside the group-commit writer instead of inside its commits (the writer's
/// connection has <c>wal_autocheckpoint=0</c>): every <see cref="Interval"/> a PASSIVE checkpoint on a connection of its own
/// copies the committed frames into the database file without taking the write lock, so no capture waits for it. Once a
/// checkpoint has caught up, the next write starts the log from its beginning again. Beside a writer that never pauses a
/// passive checkpoint never quite catches up, so past <see cref="CatchUpFrames"/> the writer is asked to run one itself
/// between two batches (<see cref="GroupCommitWriter.RequestCatchUpCheckpoint"/>: only the few frames since this loop's last
/// checkpoint are left to copy, and the batch before it was already answered). Past <see cref="MaxWalFrames"/> (readers held
/// the log) a TRUNCATE checkpoint bounds it (writers wait for that one, and it is logged). A no-op on PostgreSQL.
/// </summary>
/// <remarks>
/// Durability is the commit's, not the checkpoint's: with <c>synchronous=FULL</c> each commit syncs the log before its
/// requests are answered. With <c>NORMAL</c> the log is synced at checkpoints, so the commits a power loss may take are at
/// most those of the last <see cref="Interval"/> (a process kill takes none).
/// </remarks>
/// <see href="https://www.sqlite.org/pragma.html#pragma_wal_checkpoint"/>
internal sealed class WalCheckpointer(IGtmDbFactory db, GroupCommitWriter writer, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>How often the log is checkpointed (SQLite's own default would be every 1,000 frames, inside a commit).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Frames (pages of 4 KB) the log may hold before a checkpoint that makes writers wait truncates it: 64 MB.</summary>
    public const long DefaultMaxWalFrames = 16_384;

    /// <summary>Frames past which the writer is asked to catch the checkpoint up between two batches (16 MB).</summary>
    public const long DefaultCatchUpFrames = 4_096;

    private SqliteConnection? _connection;

    /// <summary>Frames past which the log is truncated (settable for tests).</summary>
    public long MaxWalFrames { get; init; } = DefaultMaxWalFrames;

    /// <summary>Frames past which the writer catches up (settable for tests).</summary>
    public long CatchUpFrames { get; init; } = DefaultCatchUpFrames;

    /// <summary>One checkpoint: PASSIVE, then TRUNCATE when the log is still past <see cref="MaxWalFrames"/>.</summary>
    /// <returns>Frames in the log and frames of it now in the database file, after the checkpoint.</returns>
    public WalState CheckpointOnce()
    {
        if (db is not GtmDbFactory { Provider: StorageProvider.Sqlite } factory)
        {
            return new WalState(0, 0);
        }

        _connection ??= factory.OpenSqliteCheckpointer();
        writer.CheckpointGate.Wait();
        try
        {
            var state = Checkpoint(_connection, "PASSIVE");
            if (state.Frames > MaxWalFrames)
            {
                // The writer's catch-ups did not start the log again (readers held it): make writers wait once.
                Log.WalTruncated(logger, state.Frames, MaxWalFrames);
                state = Checkpoint(_connection, "TRUNCATE");
            }
            else if (state.Frames >= CatchUpFrames)
            {
                // Even when this checkpoint copied every frame, the writer was already inside its next transaction (on the
                // old log); the log starts again only when a write begins after a checkpoint has caught up.
                writer.RequestCatchUpCheckpoint();
            }

            return state;
        }
        finally
        {
            writer.CheckpointGate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        // A thread of its own: a checkpoint blocks on disk writes and syncs, which the thread pool should not wait on.
        await Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken stoppingToken)
    {
        while (!stoppingToken.WaitHandle.WaitOne(Interval))
        {
            try
            {
                CheckpointOnce();
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                // Only the log's size is at stake: logged, and tried again on a fresh connection (a fault here must not stop the host).
                Log.CheckpointFailed(logger, e);
                _connection?.Dispose();
                _connection = null;
            }
        }
    }

    /// <summary>How long disposing waits for a checkpoint in progress to end before closing its connection.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    public override void Dispose()
    {
        // Cancel the loop and let a checkpoint in progress end first: closing its connection under it, or a new one
        // opening after the files were removed, would race whoever disposed the host.
        base.Dispose();
        if (ExecuteTask is { } loop)
        {
            ((IAsyncResult)loop).AsyncWaitHandle.WaitOne(StopWait);
        }

        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Runs <c>PRAGMA wal_checkpoint(mode)</c> on <paramref name="connection"/> (the writer's catch-up uses it too).</summary>
    internal static WalState Checkpoint(SqliteConnection connection, string mode)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        // Columns: busy (0/1), frames in the log, frames checkpointed (-1, -1 when the file is not in WAL mode).
        return new WalState(Math.Max(0, reader.GetInt64(1)), Math.Max(0, reader.GetInt64(2)));
    }
}

/// <summary>The write-ahead log after a checkpoint: its frames, and how many of them are in the database file.</summary>
internal readonly record struct WalState(long Frames, long Checkpointed);

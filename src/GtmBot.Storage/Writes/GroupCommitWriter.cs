using System.Threading.Channels;
using GtmBot.Engine.Ports;
using GtmBot.Storage.Quotes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GtmBot.Storage.Writes;

/// <summary>
/// Group commit: requests hand their rows to a bounded queue, and writer loops drain whatever is pending into one
/// transaction, commit it, and only then complete each request. A request is therefore acknowledged only after the
/// transaction holding its rows has committed, but concurrent requests share one commit (one fsync on SQLite) instead of
/// queueing behind each other's locks. SQLite gets one writer (it allows one anyway, so nobody sleeps in busy_timeout);
/// PostgreSQL gets <see cref="PostgresWriters"/> loops that commit concurrently on pooled connections.
/// </summary>
/// <remarks>
/// A unit is whatever one request writes (a quote, a dedupe row, an outbox row, a setting): its rows go into the same
/// transaction, so they are stored together or not at all. When a batch fails (a unique key taken, a row too long) each of
/// its units is retried alone, so one bad unit fails only its own request.
/// On SQLite the writer keeps one connection open of its own (<see cref="GtmDbFactory.OpenSqliteWriter"/>) and a unit may
/// write through prepared statements on it (<see cref="WriteDirectAsync{T}"/>, the quote of a capture); units written with
/// EF Core join the same transaction through a context on that connection.
/// </remarks>
internal sealed partial class GroupCommitWriter : BackgroundService
{
    /// <summary>Units waiting for a writer. Beyond this a write is refused with <see cref="StorageBusyException"/> (the edge answers 503).</summary>
    public const int MaxPending = 4096;

    /// <summary>Most units in one transaction.</summary>
    public const int MaxBatch = 256;

    /// <summary>Writer loops on PostgreSQL (each on its own pooled connection).</summary>
    public const int PostgresWriters = 4;

    /// <summary>What a refused write tells the platform to wait before retrying.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>The riders of one request's flow (a mutable list, so a write deep inside the flow can take them).</summary>
    private static readonly AsyncLocal<RiderList?> Riders = new();

    private readonly IGtmDbFactory _db;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(MaxPending)
    {
        SingleReader = false,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public GroupCommitWriter(IGtmDbFactory db, ILogger<GroupCommitWriter> logger)
    {
        _db = db;
        _logger = logger;
    }

    private long _commits;

    /// <summary>Transactions committed so far (for tests and diagnostics).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Stages a unit's rows (<paramref name="stage"/> adds them to the batch's context and returns how to read the result
    /// once committed, e.g. the generated id) and waits until they are committed.
    /// </summary>
    /// <exception cref="StorageBusyException">The queue is full.</exception>
    public Task<T> WriteAsync<T>(Func<GtmDbContext, Func<T>> stage, CancellationToken cancellationToken) =>
        WriteDirectAsync(batch => stage(batch.Context), cancellationToken);

    /// <summary>
    /// Like <see cref="WriteAsync{T}"/>, but the unit gets the batch itself: on SQLite it may run prepared statements on the
    /// writer's connection (<see cref="WriteBatch.Command"/>) instead of going through EF Core's change tracker.
    /// </summary>
    /// <exception cref="StorageBusyException">The queue is full.</exception>
    public async Task<T> WriteDirectAsync<T>(Func<WriteBatch, Func<T>> stage, CancellationToken cancellationToken)
    {
        var riders = TakeRiders();
        var pending = new PendingWrite(batch =>
        {
            foreach (var rider in riders)
            {
                rider.Stage(batch.Context);
            }

            var read = stage(batch);
            return () =>
            {
                foreach (var rider in riders)
                {
                    rider.Committed = true;
                }

                return read();
            };
        }, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            Log.QueueFull(_logger, MaxPending);
            throw new StorageBusyException(MaxPending, RetryAfter);
        }

        // The caller may stop waiting, but a unit already staged is not pulled out of its transaction.
        return (T)(await pending.Completion.Task.WaitAsync(cancellationToken))!;
    }

    /// <summary>
    /// Rows that ride along with the next <see cref="WriteAsync{T}"/> of the calling flow (the request's async flow), in the
    /// same unit and so the same transaction — e.g. an inbound event's "done" mark with the quote its handler stores. Must
    /// be called from a synchronous frame of the caller (so the caller's flow sees it). Returns whether the rows committed:
    /// false when no write of the flow took them or that write failed; the caller then writes them itself.
    /// </summary>
    public Func<bool> RideWithNextWrite(Action<GtmDbContext> stage)
    {
        var riders = Riders.Value ??= new RiderList();
        var rider = new Rider(stage);
        lock (riders)
        {
            riders.Add(rider);
        }

        return () => rider.Committed;
    }

    private static Rider[] TakeRiders()
    {
        if (Riders.Value is not { } riders)
        {
            return [];
        }

        lock (riders)
        {
            if (riders.Count == 0)
            {
                return [];
            }

            var taken = riders.ToArray();
            riders.Clear();
            return taken;
        }
    }

    private sealed class RiderList : List<Rider>;

    private sealed class Rider(Action<GtmDbContext> stage)
    {
        public Action<GtmDbContext> Stage { get; } = stage;

        /// <summary>Set on the writer before the request's completion is signalled, read by the request after it.</summary>
        public bool Committed { get; set; }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = _db.Provider == StorageProvider.Postgres ? PostgresWriters : 1;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests already queued are written before the host stops; new ones are refused.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _queue.Writer.TryComplete();
        CheckpointGate.Dispose();
        base.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        var reader = _queue.Reader;
        await using var own = new OwnConnection();
        try
        {
            // No timer: while one commit runs the next batch gathers, so the batch grows with the load by itself.
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var item))
                {
                    if (!item.CancellationToken.IsCancellationRequested)
                    {
                        batch.Add(item);
                    }
                    else
                    {
                        item.Completion.TrySetCanceled(item.CancellationToken);
                    }
                }

                if (batch.Count > 0)
                {
                    await CommitAsync(batch, own);
                    batch.Clear();
                }

                if (_catchUpRequested)
                {
                    CatchUpCheckpoint(own);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.WriterFailed(_logger, e);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(e);
            }

            throw;
        }
    }

    private volatile bool _catchUpRequested;

    /// <summary>
    /// Asks the SQLite writer to checkpoint the write-ahead log itself once, between two batches (after the requests of the
    /// last one were answered): a checkpoint run beside a writer that never pauses cannot catch up, and the log starts again
    /// from its beginning only once a checkpoint has. Called by <see cref="WalCheckpointer"/> when the log has grown.
    /// </summary>
    public void RequestCatchUpCheckpoint() => _catchUpRequested = true;

    /// <summary>
    /// Held by whoever checkpoints the SQLite log (the writer's catch-up, <see cref="WalCheckpointer"/>): SQLite runs one
    /// checkpoint at a time and a PASSIVE one that finds another running gives up at once, so the two take turns.
    /// </summary>
    internal SemaphoreSlim CheckpointGate { get; } = new(1, 1);

    private void CatchUpCheckpoint(OwnConnection own)
    {
        if (own.Connection is not { } connection)
        {
            _catchUpRequested = false;
            return;
        }

        if (!CheckpointGate.Wait(0))
        {
            return; // the checkpointer is copying now; catch up after the next batch
        }

        _catchUpRequested = false;
        try
        {
            WalCheckpointer.Checkpoint(connection, "PASSIVE");
        }
        catch (SqliteException e)
        {
            // Only the log's size is at stake; the checkpointer asks again.
            Log.CheckpointFailed(_logger, e);
        }
        finally
        {
            CheckpointGate.Release();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch, OwnConnection own)
    {
        try
        {
            var reads = await SaveAsync(batch, own);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(reads[i]);
            }

            return;
        }
        catch (Exception e) when (batch.Count == 1)
        {
            batch[0].Completion.TrySetException(e);
            return;
        }
        catch (Exception e)
        {
            // Nothing of the failed transaction is stored; each unit gets its own chance, so one bad unit fails only its request.
            Log.BatchRetriedAlone(_logger, batch.Count, e.GetType().Name);
        }

        foreach (var item in batch)
        {
            try
            {
                var reads = await SaveAsync([item], own);
                item.Complete(reads[0]);
            }
            catch (Exception e)
            {
                item.Completion.TrySetException(e);
            }
        }
    }

    /// <summary>Stages every unit in one transaction and commits it.</summary>
    private async Task<Func<object?>[]> SaveAsync(IReadOnlyList<PendingWrite> units, OwnConnection own)
    {
        var reads = new Func<object?>[units.Count];
        if (_db.Provider == StorageProvider.Postgres || _db is not GtmDbFactory factory)
        {
            // One pooled connection per batch; SaveChanges wraps the batch in one transaction.
            await using var batch = new WriteBatch(_db, null, null, null);
            for (var i = 0; i < units.Count; i++)
            {
                reads[i] = units[i].Stage(batch);
            }

            // Not the requests' tokens: once staged, the batch commits whole, whoever stopped waiting.
            await batch.Context.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            var connection = own.Open(factory);
            _searchTail ??= SearchTail.Pending(connection) ?? -1;
            var inserted = 0;
            var indexed = false;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            await using (var batch = new WriteBatch(_db, connection, transaction, own.Commands))
            {
                for (var i = 0; i < units.Count; i++)
                {
                    reads[i] = units[i].Stage(batch);
                }

                if (batch.HasContext)
                {
                    await batch.Context.SaveChangesAsync(CancellationToken.None);
                }

                inserted = batch.QuotesInserted;
                indexed = _searchTail >= SearchTail.Chunk && IndexSearchTail(connection, transaction);
            }

            await transaction.CommitAsync(CancellationToken.None);
            if (_searchTail >= 0)
            {
                _searchTail = indexed ? SearchTail.Pending(connection) ?? -1 : _searchTail + inserted;
            }
        }

        Interlocked.Increment(ref _commits);
        return reads;
    }

    /// <summary>
    /// Quotes above the FTS5 index's high-water mark (<see cref="SearchTail"/>) as far as this writer knows (its own inserts since
    /// the last count); -1 when the database has no mark; null until the first SQLite batch. Only the SQLite writer loop uses it.
    /// </summary>
    private int? _searchTail;

    /// <summary>
    /// Indexes the quotes above the mark in the batch's transaction, after the batch's own rows. A failure is logged and leaves
    /// the batch alone (the savepoint undid the run; searches read the tail by LIKE meanwhile); the next try comes a chunk later.
    /// </summary>
    private bool IndexSearchTail(SqliteConnection connection, SqliteTransaction transaction)
    {
        try
        {
            return SearchTail.Index(connection, transaction);
        }
        catch (SqliteException e)
        {
            Log.SearchIndexFailed(_logger, e);
            _searchTail = 0;
            return false;
        }
    }

    /// <summary>The SQLite writer's own connection and its prepared statements, opened on the first batch.</summary>
    private sealed class OwnConnection : IAsyncDisposable
    {
        private SqliteConnection? _connection;

        public Dictionary<string, SqliteCommand> Commands { get; } = new(StringComparer.Ordinal);

        public SqliteConnection? Connection => _connection;

        public SqliteConnection Open(GtmDbFactory factory) => _connection ??= factory.OpenSqliteWriter();

        public async ValueTask DisposeAsync()
        {
            foreach (var command in Commands.Values)
            {
                await command.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
    }

    private sealed record PendingWrite(Func<WriteBatch, Func<object?>> Stage, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(Func<object?> read)
        {
            try
            {
                Completion.TrySetResult(read());
            }
            catch (Exception e)
            {
                Completion.TrySetException(e);
            }
        }
    }
}

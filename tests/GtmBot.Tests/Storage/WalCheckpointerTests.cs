using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Tests.Storage;

/// <summary>
/// The write-ahead log is checkpointed beside the group-commit writer, not inside its commits, and stays bounded: the
/// writer catches the checkpoint up between batches when asked, and past the limit the log is truncated.
/// </summary>
public sealed class WalCheckpointerTests : IAsyncLifetime
{
    /// <summary>What SQLite's automatic checkpoint would keep the log under (its default threshold, in frames).</summary>
    private const long AutoCheckpointFrames = 1000;

    private readonly SqliteDb _db = new();
    private GroupCommitWriter _writer = null!;
    private QuoteStore _store = null!;
    private string _walPath = null!;
    private int _n;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _writer = new GroupCommitWriter(_db.Db, NullLogger<GroupCommitWriter>.Instance);
        _store = new QuoteStore(_db.Db, _writer, _db.Clock);
        await using (var ctx = _db.Db.Create())
        {
            _walPath = ctx.Database.GetDbConnection().DataSource + "-wal";
        }

        // Start from an empty log, so what is in it below was written by the writer.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _walPath[..^4], Pooling = false }.ToString()))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await _writer.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _db.DisposeAsync();
    }

    private WalCheckpointer Checkpointer(long catchUpFrames = WalCheckpointer.DefaultCatchUpFrames, long maxWalFrames = WalCheckpointer.DefaultMaxWalFrames) =>
        new(_db.Db, _writer, NullLogger<WalCheckpointer>.Instance) { CatchUpFrames = catchUpFrames, MaxWalFrames = maxWalFrames };

    private long WalFrames => File.Exists(_walPath) ? Math.Max(0, (new FileInfo(_walPath).Length - 32) / (4096 + 24)) : 0;

    private Task<QuoteSave> CaptureAsync() => _store.AddAsync(SqliteDb.Channel, new NewQuote(
        $"quote {++_n}: the nightly export breaks every Monday and we retype the orders by hand",
        $"Customer{_n % 7}",
        "en",
        new QuoteOrigin($"U{_n % 5}", null, null, null, null, null, "slash"),
        _db.Clock.GetUtcNow().AddSeconds(_n),
        ["pain"],
        Motive.Need), CancellationToken.None);

    /// <summary>One commit per capture, until the log holds more frames than SQLite's automatic checkpoint would let it.</summary>
    private async Task FillLogPastAutoCheckpointAsync()
    {
        for (var i = 0; i < 600 && WalFrames <= AutoCheckpointFrames + 200; i++)
        {
            await CaptureAsync();
        }
    }

    [Fact]
    public async Task The_writers_commits_do_not_checkpoint()
    {
        await FillLogPastAutoCheckpointAsync();

        // With SQLite's automatic checkpoint a commit past 1,000 frames would have copied the log and the next one restarted it.
        Assert.True(WalFrames > AutoCheckpointFrames + 200, $"the log holds {WalFrames} frames");
    }

    [Fact]
    public async Task A_checkpoint_copies_the_log_and_the_writers_catch_up_starts_it_again()
    {
        await FillLogPastAutoCheckpointAsync();
        var checkpointer = Checkpointer(catchUpFrames: 100);

        var first = checkpointer.CheckpointOnce();
        Assert.True(first.Frames > AutoCheckpointFrames, $"{first}");
        Assert.Equal(first.Frames, first.Checkpointed);

        await CaptureAsync(); // the writer catches up after this batch
        await CaptureAsync(); // this one begins on a caught-up log, so it writes from the log's beginning
        var after = checkpointer.CheckpointOnce();
        Assert.True(after.Frames < 100, $"the log was not started again: {after}");

        await using var ctx = _db.Db.Create();
        Assert.Equal(_n, await ctx.Set<QuoteEntity>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_catch_ups_the_log_keeps_growing_until_the_limit_truncates_it()
    {
        await FillLogPastAutoCheckpointAsync();
        var framesBefore = WalFrames;

        var state = Checkpointer(catchUpFrames: long.MaxValue, maxWalFrames: 500).CheckpointOnce();

        Assert.True(framesBefore > 500);
        Assert.Equal(0, state.Frames);
        Assert.Equal(0, new FileInfo(_walPath).Length);
        await CaptureAsync(); // the writer goes on after the truncation
        await using var ctx = _db.Db.Create();
        Assert.Equal(_n, await ctx.Set<QuoteEntity>().CountAsync(TestContext.Current.CancellationToken));
    }
}

using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using GtmBot.Storage.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.Tests.Storage;

/// <summary>Drills stored while numbers were global, migrated to numbers per channel.</summary>
public sealed class DrillNumberMigrationTests : IAsyncLifetime
{
    /// <summary>The migration before per-channel drill numbers (SQLite's id).</summary>
    private const string Before = "20261129130943_Needs";

    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-drills-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Existing_drills_get_numbers_per_channel_and_keep_the_root_cause_they_had()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(_dir));
        await using (var ctx = db.Create())
        {
            var migrator = ctx.GetService<IMigrator>();
            await migrator.MigrateAsync(Before, ct);

            // Global ids 1..5 over two channels, interleaved; drill 2 had stopped asking, so its last answer was its root cause.
            string[] rows = ["1:a:Asking:0", "2:b:NeedOrWant:2", "3:a:Done:1", "4:b:Asking:0", "5:a:Asking:0"];
            foreach (var row in rows.Select(r => r.Split(':')))
            {
                await ctx.Database.ExecuteSqlAsync($"INSERT INTO drills (\"Id\", \"WorkspaceKey\", \"Channel\", \"Problem\", \"Stage\", \"Motive\", \"AnswerCount\", \"StartedBy\", \"StartedAt\", \"UpdatedAt\") VALUES ({long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture)}, 'local:local', {row[1]}, 'p', {row[2]}, 'Unclear', {int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture)}, 'ana', '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00')", ct);
            }

            await ctx.Database.ExecuteSqlAsync($"INSERT INTO drill_answers (\"DrillId\", \"WorkspaceKey\", \"Channel\", \"Step\", \"Text\", \"UserId\", \"At\") VALUES (2, 'local:local', 'b', 1, 'first', 'bo', '2026-01-01 00:00:00+00:00')", ct);
            await ctx.Database.ExecuteSqlAsync($"INSERT INTO drill_answers (\"DrillId\", \"WorkspaceKey\", \"Channel\", \"Step\", \"Text\", \"UserId\", \"At\") VALUES (2, 'local:local', 'b', 2, 'second', 'bo', '2026-01-01 00:00:00+00:00')", ct);
            await ctx.Database.ExecuteSqlAsync($"INSERT INTO drill_answers (\"DrillId\", \"WorkspaceKey\", \"Channel\", \"Step\", \"Text\", \"UserId\", \"At\") VALUES (3, 'local:local', 'a', 1, 'only', 'bo', '2026-01-01 00:00:00+00:00')", ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        var store = new DrillStore(db);
        var a = new ConversationKey("local", "local", "a");
        var b = new ConversationKey("local", "local", "b");
        Assert.Equal([(5L, 3), (3L, 2), (1L, 1)], (await store.ListAsync(a, 10, ct)).Select(d => (d.Id, d.Number)));
        Assert.Equal([(4L, 2), (2L, 1)], (await store.ListAsync(b, 10, ct)).Select(d => (d.Id, d.Number)));

        var stopped = (await store.FindAsync(b, 2, ct))!;
        Assert.Equal(("second", 2), (stopped.RootCause, stopped.RootCauseStep));
        Assert.Equal("only", (await store.FindAsync(a, 3, ct))!.RootCause);
        Assert.Null((await store.FindAsync(a, 1, ct))!.RootCause);

        // New drills continue each channel's count.
        Assert.Equal(4, (await store.StartAsync(a, "next", new TurnUser("ana"), DateTimeOffset.UnixEpoch, ct)).Number);
        Assert.Equal(1, (await store.StartAsync(new ConversationKey("local", "local", "c"), "first", new TurnUser("ana"), DateTimeOffset.UnixEpoch, ct)).Number);
    }
}

using GtmBot.Engine.Ports;
using GtmBot.Storage;
using GtmBot.Storage.Planning;
using GtmBot.Tests.Flows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.Tests.Storage;

/// <summary>A database written before the seven stages, holding the old values, migrated to now.</summary>
public sealed class StageMigrationTests : IAsyncLifetime
{
    /// <summary>The migration before the seven stages (SQLite's id).</summary>
    private const string Before = "20261129125753_Customers";

    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-stages-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Old_stage_values_are_mapped_to_the_seven_stages()
    {
        var db = new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(_dir));
        await using (var ctx = db.Create())
        {
            var migrator = ctx.GetService<IMigrator>();
            await migrator.MigrateAsync(Before, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(ctx.Database.GetAppliedMigrations(), m => m.EndsWith("_StagesAndObjectives", StringComparison.Ordinal));

            // The old code's values: Pilot by default (never chosen), Pilot chosen on purpose (a stage change in the history),
            // the other old stages as chosen, one in the wrong case, and a value that is no stage.
            string[] rows = ["default-pilot:Pilot", "chosen-pilot:Pilot", "launch:Launch", "scale:scale", "iterate:Iterate", "retire:Retire", "junk:Growth"];
            foreach (var (row, i) in rows.Select((r, i) => (r.Split(':'), i + 1)))
            {
                await ctx.Database.ExecuteSqlAsync($"INSERT INTO checklists (\"Id\", \"WorkspaceKey\", \"Channel\", \"Stage\", \"Version\", \"CreatedAt\") VALUES ({i}, 'local:local', {row[0]}, {row[1]}, 1, '2026-01-01 00:00:00+00:00')", TestContext.Current.CancellationToken);
            }

            await ctx.Database.ExecuteSqlAsync($"INSERT INTO checklist_changes (\"ChecklistId\", \"WorkspaceKey\", \"Channel\", \"Step\", \"Property\", \"OldValue\", \"NewValue\", \"UserId\", \"At\") VALUES (2, 'local:local', 'chosen-pilot', 0, 'stage', 'Launch', 'Pilot', 'ana', '2026-01-02 00:00:00+00:00')", TestContext.Current.CancellationToken);

            await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        var store = new ChecklistStore(db);
        async Task<LifecycleStage> StageOf(string channel)
        {
            await using var ctx = db.Create();
            var raw = await ctx.Database.SqlQuery<string>($"SELECT \"Stage\" AS \"Value\" FROM checklists WHERE \"Channel\" = {channel}").SingleAsync(TestContext.Current.CancellationToken);
            var read = (await store.FindAsync(new GtmBot.Engine.ConversationKey("local", "local", channel), TestContext.Current.CancellationToken))!.Stage;
            Assert.Equal(read.ToString(), raw);
            return read;
        }

        Assert.Equal(LifecycleStage.Definition, await StageOf("default-pilot"));
        Assert.Equal(LifecycleStage.Pilot, await StageOf("chosen-pilot"));
        Assert.Equal(LifecycleStage.Launch, await StageOf("launch"));
        Assert.Equal(LifecycleStage.Scale, await StageOf("scale"));
        Assert.Equal(LifecycleStage.Iterate, await StageOf("iterate"));
        Assert.Equal(LifecycleStage.Retire, await StageOf("retire"));
        Assert.Equal(LifecycleStage.Definition, await StageOf("junk"));
    }

    [Fact]
    public async Task A_new_checklist_starts_at_definition()
    {
        var db = new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(_dir));
        await using (var ctx = db.Create())
        {
            await ctx.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        var checklist = await new ChecklistStore(db).GetOrCreateAsync(SqliteDb.Channel, 8, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        Assert.Equal(LifecycleStage.Definition, checklist.Stage);
    }
}

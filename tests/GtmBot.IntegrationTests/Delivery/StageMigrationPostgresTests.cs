using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using GtmBot.Storage.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.IntegrationTests.Delivery;

/// <summary>The seven-stage migration's data mapping on PostgreSQL (SQLite's is in the fast tests).</summary>
public sealed class StageMigrationPostgresTests
{
    /// <summary>The migration before the seven stages (PostgreSQL's id).</summary>
    private const string Before = "20261129125754_Customers";

    [Fact]
    public async Task Old_stage_values_are_mapped_to_the_seven_stages_on_postgres()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var factory = new GtmDbFactory(StorageProvider.Postgres, db.ConnectionString);
        var ct = TestContext.Current.CancellationToken;
        await using (var ctx = factory.Create())
        {
            var migrator = ctx.GetService<IMigrator>();
            await migrator.MigrateAsync(Before, ct);
            string[] rows = ["default-pilot:Pilot", "chosen-pilot:Pilot", "launch:LAUNCH", "retire:Retire", "junk:Growth"];
            foreach (var (row, i) in rows.Select((r, i) => (r.Split(':'), i + 1)))
            {
                await ctx.Database.ExecuteSqlAsync($"INSERT INTO checklists (\"Id\", \"WorkspaceKey\", \"Channel\", \"Stage\", \"Version\", \"CreatedAt\") VALUES ({(long)i}, 'local:local', {row[0]}, {row[1]}, 1, {DateTimeOffset.UnixEpoch})", ct);
            }

            await ctx.Database.ExecuteSqlAsync($"INSERT INTO checklist_changes (\"ChecklistId\", \"WorkspaceKey\", \"Channel\", \"Step\", \"Property\", \"OldValue\", \"NewValue\", \"UserId\", \"At\") VALUES ({2L}, 'local:local', 'chosen-pilot', 0, 'stage', 'Launch', 'Pilot', 'ana', {DateTimeOffset.UnixEpoch})", ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        var store = new ChecklistStore(factory);
        async Task<string> RawStage(string channel)
        {
            await using var ctx = factory.Create();
            return await ctx.Database.SqlQuery<string>($"SELECT \"Stage\" AS \"Value\" FROM checklists WHERE \"Channel\" = {channel}").SingleAsync(ct);
        }

        foreach (var (channel, expected) in new[]
        {
            ("default-pilot", LifecycleStage.Definition),
            ("chosen-pilot", LifecycleStage.Pilot),
            ("launch", LifecycleStage.Launch),
            ("retire", LifecycleStage.Retire),
            ("junk", LifecycleStage.Definition),
        })
        {
            Assert.Equal(expected.ToString(), await RawStage(channel));
            Assert.Equal(expected, (await store.FindAsync(new ConversationKey("local", "local", channel), ct))!.Stage);
        }

        // The new tables work on PostgreSQL too.
        var okrs = new OkrStore(factory);
        var key = new ConversationKey("local", "local", "launch");
        var objective = await okrs.AddObjectiveAsync(key, new ObjectiveValues("Win pilots", "pm", "rep", new DateOnly(2099, 1, 1)), new TurnUser("ana"), DateTimeOffset.UnixEpoch, ct);
        Assert.Equal(OkrWrite.Saved, await okrs.AddKeyResultAsync(key, objective.Number, new KeyResultValues("Pilots", 10.5m, "customers"), new TurnUser("ana"), DateTimeOffset.UnixEpoch, ct));
        Assert.Equal(OkrWrite.Saved, await okrs.SetProgressAsync(key, objective.Number, 1, 2.25m, new TurnUser("ana"), DateTimeOffset.UnixEpoch, ct));
        var kr = Assert.Single((await okrs.FindAsync(key, 1, ct))!.KeyResults);
        Assert.Equal((10.5m, 2.25m), (kr.Target, kr.Progress));
    }
}

using GtmBot.Engine;
using GtmBot.Storage;
using GtmBot.Storage.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.IntegrationTests.Delivery;

/// <summary>The per-channel drill numbers' backfill on PostgreSQL (SQLite's is in the fast tests).</summary>
public sealed class DrillNumberMigrationPostgresTests
{
    /// <summary>The migration before per-channel drill numbers (PostgreSQL's id).</summary>
    private const string Before = "20261129130946_Needs";

    [Fact]
    public async Task Existing_drills_get_numbers_per_channel_on_postgres()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var factory = new GtmDbFactory(StorageProvider.Postgres, db.ConnectionString);
        var ct = TestContext.Current.CancellationToken;
        await using (var ctx = factory.Create())
        {
            var migrator = ctx.GetService<IMigrator>();
            await migrator.MigrateAsync(Before, ct);
            (long Id, string Channel, string Stage, int Answers)[] rows = [(1, "a", "Asking", 0), (2, "b", "Offer", 1), (3, "a", "Asking", 0)];
            foreach (var (id, channel, stage, answers) in rows)
            {
                await ctx.Database.ExecuteSqlAsync($"INSERT INTO drills (\"Id\", \"WorkspaceKey\", \"Channel\", \"Problem\", \"Stage\", \"Motive\", \"AnswerCount\", \"StartedBy\", \"StartedAt\", \"UpdatedAt\") VALUES ({id}, 'local:local', {channel}, 'p', {stage}, 'Need', {answers}, 'ana', {DateTimeOffset.UnixEpoch}, {DateTimeOffset.UnixEpoch})", ct);
            }

            await ctx.Database.ExecuteSqlAsync($"INSERT INTO drill_answers (\"DrillId\", \"WorkspaceKey\", \"Channel\", \"Step\", \"Text\", \"UserId\", \"At\") VALUES ({2L}, 'local:local', 'b', 1, 'the cause', 'bo', {DateTimeOffset.UnixEpoch})", ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        var store = new DrillStore(factory);
        var a = new ConversationKey("local", "local", "a");
        var b = new ConversationKey("local", "local", "b");
        Assert.Equal([(3L, 2), (1L, 1)], (await store.ListAsync(a, 10, ct)).Select(d => (d.Id, d.Number)));
        var only = Assert.Single(await store.ListAsync(b, 10, ct));
        Assert.Equal((2L, 1, "the cause", (int?)1), (only.Id, only.Number, only.RootCause, only.RootCauseStep));
        Assert.Equal(2, (await store.StartAsync(b, "next", new TurnUser("ana"), DateTimeOffset.UnixEpoch, ct)).Number);
    }
}

using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GtmBot.IntegrationTests.Delivery;

/// <summary>Several instances started at the same instant on an empty PostgreSQL database.</summary>
public sealed class MigrationLockPostgresTests
{
    [Fact]
    public async Task Three_hosts_starting_at_once_on_an_empty_database_all_serve_and_migrations_run_once()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var settings = db.Settings(new Dictionary<string, string?> { ["GtmBot:Delivery:Enabled"] = "false" });
        using var start = new Barrier(3);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return await DeliveryHost.StartAsync(settings, []);
        })));
        int known;
        await using (var ctx = hosts[0].Get<IGtmDbFactory>().Create())
        {
            known = ctx.Database.GetMigrations().Count();
        }

        try
        {
            // Each one serves: a write through one is read through the others.
            var channel = new ConversationKey(Platforms.Slack, "T1", "C1");
            await hosts[0].Get<IOutbox>().EnqueueAsync(new OutboundMessage(channel, Reply.Notice("hi")), CancellationToken.None);
            foreach (var host in hosts)
            {
                Assert.Equal(1, (await host.Get<IDeliveryStatus>().CountAsync(channel.WorkspaceKey, CancellationToken.None)).Pending);
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""SELECT count(*) FROM "__ef_migrations" """, conn);
        Assert.Equal((long)known, (long)(await cmd.ExecuteScalarAsync())!);
    }
}

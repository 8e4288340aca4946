using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace GtmBot.IntegrationTests.Api;

/// <summary>backup while the bot writes, then restore into an empty database: the same data; a non-empty one needs --force.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_quotes_are_written_restores_to_the_same_data()
    {
        await using var host = new ApiTestHost();
        var store = host.Get<IQuoteStore>();
        var channel = ApiTestHost.Local("general");
        for (var i = 0; i < 50; i++)
        {
            await store.AddAsync(channel, Quote(i), CancellationToken.None);
        }

        var file = Path.Combine(Directory.CreateTempSubdirectory("gtmbot-backup-").FullName, "gtmbot-backup.db");
        using var stop = new CancellationTokenSource();
        var written = 50;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await store.AddAsync(channel, Quote(Interlocked.Increment(ref written)), CancellationToken.None);
            }
        });

        await Task.Delay(200);
        var before = Volatile.Read(ref written);
        Assert.Equal(0, await BackupVerb.BackupAsync([file], Config(host.DataDirectory)));
        await Task.Delay(200);
        await stop.CancelAsync();
        await writer;
        Assert.True(written > before, "the writer kept writing during the backup");

        // Restore into a fresh, empty data folder: every restored quote is the original, and the snapshot holds at least what was there before.
        var target = Directory.CreateTempSubdirectory("gtmbot-restore-").FullName;
        Assert.Equal(0, await BackupVerb.RestoreAsync([file], Config(target)));
        var original = await store.ListAsync(channel, null, 100_000, CancellationToken.None);
        var restored = await ReadQuotesAsync(Path.Combine(target, "gtmbot.db"));
        Assert.InRange(restored.Count, before - 1, original.Count);
        var byId = original.ToDictionary(q => q.Id);
        Assert.All(restored, r => Assert.Equal(byId[r.Id].Text, r.Text));
        Assert.Equal(restored.Count, restored.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, restored.Count).Select(i => (long)i), restored.Select(r => r.Id).Order());

        // The restored database is a working one: the bot starts on it and reads the same quotes.
        await using (var restoredHost = new ApiTestHost(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = target }))
        {
            var listed = await restoredHost.Get<IQuoteStore>().ListAsync(channel, null, 100_000, CancellationToken.None);
            Assert.Equal(restored.Count, listed.Count);
        }

        // A non-empty database is not overwritten without --force.
        Assert.Equal(1, await BackupVerb.RestoreAsync([file], Config(host.DataDirectory)));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup()
    {
        var dir = Directory.CreateTempSubdirectory("gtmbot-restore-").FullName;
        var bogus = Path.Combine(dir, "bogus.db");
        await using (var c = new SqliteConnection($"Data Source={bogus};Pooling=False"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x INTEGER)";
            await cmd.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await BackupVerb.RestoreAsync([bogus], Config(Path.Combine(dir, "data"))));
        Assert.Equal(2, await BackupVerb.RestoreAsync([], Config(dir)));
        Assert.Equal(2, await BackupVerb.BackupAsync([bogus], new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:Provider"] = "Postgres" }).Build()));
    }

    private static IConfiguration Config(string dataDirectory) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = dataDirectory }).Build();

    private static NewQuote Quote(int i) =>
        new($"客户 {i}: 数据同步太慢", $"Customer{i}", "zh", new QuoteOrigin("U1", null, null, null, null, null, "slash"), TimeProvider.System.GetUtcNow(), [QuoteTags.Pain], Motive.Need);

    private static async Task<List<(long Id, string Text)>> ReadQuotesAsync(string file)
    {
        await using var c = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"Id\", \"Text\" FROM quotes";
        var list = new List<(long, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }
}

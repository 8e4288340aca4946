using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Tests.Storage;

/// <summary>What a capture writes on SQLite beside its row: the message-id index only for quotes taken from a message, and the writer's page cache.</summary>
public sealed class CaptureIndexingTests : SqliteWriterTest
{
    private const string MessageIndex = "IX_quotes_WorkspaceKey_Channel_MessageId";

    [Fact]
    public async Task A_slash_capture_writes_no_message_id_entry_and_a_message_capture_is_found_by_its_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var slash = new NewQuote("The export breaks", "Acme", "en", new QuoteOrigin("U1", null, null, null, null, null, "slash"), Sqlite.Clock.GetUtcNow(), ["pain"], Motive.Need);
        var shortcut = slash with { Text = "Dashboards are slow", Origin = new QuoteOrigin("U1", null, "U2", null, null, "1700000000.000100", "shortcut") };
        await Store.AddAsync(SqliteDb.Channel, slash, ct);
        var saved = await Store.AddAsync(SqliteDb.Channel, shortcut, ct);

        Assert.Equal(saved.Quote.Id, (await Store.FindByMessageAsync(SqliteDb.Channel, "1700000000.000100", ct))?.Id);
        Assert.Null(await Store.FindByMessageAsync(SqliteDb.Channel, "1700000000.000200", ct));

        await using var connection = Open();
        // The partial index holds one entry (the shortcut's), and the look-up by message id is served by it.
        Assert.Equal(1L, Scalar(connection, $"SELECT count(*) FROM quotes INDEXED BY {MessageIndex} WHERE \"MessageId\" IS NOT NULL"));
        var plan = string.Join('\n', Rows(connection, "EXPLAIN QUERY PLAN SELECT \"Id\" FROM quotes WHERE \"WorkspaceKey\" = 'w' AND \"Channel\" = 'c' AND \"MessageId\" = 'm' ORDER BY \"Id\" LIMIT 1"));
        Assert.Contains(MessageIndex, plan, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWriter_connection_keeps_a_larger_page_cache_than_pooled_ones()
    {
        using var writer = ((GtmDbFactory)Sqlite.Db).OpenSqliteWriter();
        Assert.Equal(-(long)GtmDbFactory.WriterCacheKiB, Scalar(writer, "PRAGMA cache_size"));
        using var pooled = Open();
        Assert.Equal(-2000L, Scalar(pooled, "PRAGMA cache_size"));
    }

    private SqliteConnection Open()
    {
        using var ctx = Sqlite.Db.Create();
        var connection = new SqliteConnection(ctx.Database.GetConnectionString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(3));
        }

        return rows;
    }
}

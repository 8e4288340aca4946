using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Flows;

/// <summary>A migrated SQLite file in a temp folder, and helpers to build turns against it.</summary>
public sealed class SqliteDb : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-flows-").FullName;

    public SqliteDb()
    {
        Db = new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(_dir));
    }

    internal IGtmDbFactory Db { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public static ConversationKey Channel { get; } = new(Platforms.Local, "local", "launch");

    public async ValueTask InitializeAsync()
    {
        await using var ctx = Db.Create();
        await ctx.Database.MigrateAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temp folder is left for the OS to clean.
        }

        return ValueTask.CompletedTask;
    }

    public FlowContext Context(string user, Lang lang, TurnInput? input = null, ConversationKey? channel = null, TimeZoneInfo? zone = null) =>
        new(new Turn(channel ?? Channel, new TurnUser(user, user), null, input ?? new CommandInput(string.Empty)), lang, Clock, zone);
}

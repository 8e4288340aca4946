using GtmBot.Storage.Quotes;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Tests.Storage;

/// <summary>A migrated SQLite database with its group-commit writer running and a quote store writing through it.</summary>
public abstract class SqliteWriterTest : IAsyncLifetime
{
    protected SqliteDb Sqlite { get; } = new();

    private protected GroupCommitWriter Writer { get; private set; } = null!;

    private protected QuoteStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Sqlite.InitializeAsync();
        Writer = new GroupCommitWriter(Sqlite.Db, NullLogger<GroupCommitWriter>.Instance);
        await Writer.StartAsync(CancellationToken.None);
        Store = new QuoteStore(Sqlite.Db, Writer, Sqlite.Clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        await Sqlite.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Writes;

/// <summary>
/// One transaction of the <see cref="GroupCommitWriter"/> as its units see it: an EF Core context for rows written through
/// the change tracker, and on SQLite the writer's own connection for prepared statements. Both write in the same transaction.
/// </summary>
internal sealed class WriteBatch : IAsyncDisposable
{
    private readonly IGtmDbFactory _db;
    private readonly SqliteConnection? _connection;
    private readonly SqliteTransaction? _transaction;
    private readonly Dictionary<string, SqliteCommand>? _commands;
    private GtmDbContext? _context;

    internal WriteBatch(IGtmDbFactory db, SqliteConnection? connection, SqliteTransaction? transaction, Dictionary<string, SqliteCommand>? commands)
    {
        _db = db;
        _connection = connection;
        _transaction = transaction;
        _commands = commands;
    }

    /// <summary>True when prepared statements can be used (<see cref="Command"/>): SQLite, on the writer's own connection.</summary>
    public bool Direct => _connection is not null;

    /// <summary>Whether a unit asked for <see cref="Context"/> (its changes are saved before the commit).</summary>
    public bool HasContext => _context is not null;

    /// <summary>Quotes the batch's units inserted through prepared statements (the FTS5 index's tail grows by as many).</summary>
    public int QuotesInserted { get; set; }

    /// <summary>An EF Core context in the batch's transaction, made on first use.</summary>
    public GtmDbContext Context => _context ??= CreateContext();

    /// <summary>
    /// The writer's prepared statement for <paramref name="sql"/> (prepared once per connection, then only rebound), in the
    /// batch's transaction. Only when <see cref="Direct"/>. The caller sets every parameter it declared on each use.
    /// </summary>
    public SqliteCommand Command(string sql, Action<SqliteParameterCollection> declare)
    {
        if (_connection is null || _commands is null)
        {
            throw new InvalidOperationException("Prepared statements are only used on the SQLite writer's connection.");
        }

        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            declare(command.Parameters);
            command.Prepare();
            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        return command;
    }

    private GtmDbContext CreateContext()
    {
        var context = _db.Create();
        if (_connection is not null)
        {
            context.Database.SetDbConnection(_connection, contextOwnsConnection: false);
            context.Database.UseTransaction(_transaction);
        }

        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}

using GtmBot.Storage;
using Microsoft.Data.Sqlite;

namespace GtmBot.Host.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c> of the SQLite database, through SQLite's online backup
/// API: a backup is a consistent snapshot even while the bot runs and writes (it copies pages and restarts when a writer
/// changes them). PostgreSQL is backed up with <c>pg_dump</c> / <c>pg_restore</c> instead (see README).
/// </summary>
public static class BackupVerb
{
    /// <summary>Tables that say nothing about the data (the migration history, SQLite's own).</summary>
    private const string MigrationsTable = "__ef_migrations";

    public static Task<int> BackupAsync(string[] args, IConfiguration configuration) => RunAsync(args, configuration, restore: false);

    public static Task<int> RestoreAsync(string[] args, IConfiguration configuration) => RunAsync(args, configuration, restore: true);

    private static async Task<int> RunAsync(string[] args, IConfiguration configuration, bool restore)
    {
        var force = args.Contains("--force");
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var verb = restore ? "restore" : "backup";
        if (files.Count != 1)
        {
            await Console.Error.WriteLineAsync($"usage: {verb} <file>{(restore ? " [--force]" : " [--force to overwrite the file]")}");
            return 2;
        }

        if (!Enum.TryParse<StorageProvider>(configuration["GtmBot:Storage:Provider"] ?? nameof(StorageProvider.Sqlite), ignoreCase: true, out var provider) || provider != StorageProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync($"The {verb} verb covers SQLite. On PostgreSQL use pg_dump -Fc <database> -f gtmbot.dump and pg_restore --clean -d <database> gtmbot.dump (see README).");
            return 2;
        }

        var dataDirectory = configuration["GtmBot:Storage:DataDirectory"] ?? "./data";
        var database = GtmDbFactory.SqliteConnectionString(dataDirectory);
        var file = Path.GetFullPath(files[0]);
        return restore ? await RestoreAsync(database, file, force) : await BackupAsync(database, file, force);
    }

    private static async Task<int> BackupAsync(string database, string file, bool force)
    {
        if (File.Exists(file) && !force)
        {
            await Console.Error.WriteLineAsync($"{file} exists; pass --force to overwrite it.");
            return 1;
        }

        File.Delete(file);
        await using (var source = new SqliteConnection(database))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        await Console.Out.WriteLineAsync($"Backed up {new SqliteConnectionStringBuilder(database).DataSource} to {file} ({new FileInfo(file).Length} bytes).");
        return 0;
    }

    private static async Task<int> RestoreAsync(string database, string file, bool force)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file} does not exist.");
            return 1;
        }

        var backupConnection = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var backup = new SqliteConnection(backupConnection);
        await backup.OpenAsync();
        if (!(await TablesAsync(backup)).Contains(MigrationsTable))
        {
            await Console.Error.WriteLineAsync($"{file} is not a GtmBot backup (no {MigrationsTable} table).");
            return 1;
        }

        await using var target = new SqliteConnection(database);
        await target.OpenAsync();
        var filled = await NonEmptyTablesAsync(target);
        if (filled.Count > 0 && !force)
        {
            await Console.Error.WriteLineAsync($"The database is not empty (rows in {string.Join(", ", filled.Take(5))}{(filled.Count > 5 ? ", …" : string.Empty)}); pass --force to overwrite it. Stop the bot first.");
            return 1;
        }

        backup.BackupDatabase(target);
        await Console.Out.WriteLineAsync($"Restored {file} into {new SqliteConnectionStringBuilder(database).DataSource}.");
        return 0;
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The data tables that hold at least one row.</summary>
    internal static async Task<List<string>> NonEmptyTablesAsync(SqliteConnection connection)
    {
        var filled = new List<string>();
        foreach (var table in (await TablesAsync(connection)).Where(t => t != MigrationsTable))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\")";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                filled.Add(table);
            }
        }

        return filled;
    }
}

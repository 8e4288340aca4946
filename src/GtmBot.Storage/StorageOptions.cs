using System.ComponentModel.DataAnnotations;

namespace GtmBot.Storage;

/// <summary>Which database GtmBot keeps its state in (section <c>GtmBot:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "GtmBot:Storage";

    /// <summary><c>Sqlite</c> (default: a file in <see cref="DataDirectory"/>) or <c>Postgres</c> (<c>ConnectionStrings:Postgres</c>).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file <c>gtmbot.db</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// When SQLite syncs its write-ahead log: <c>Full</c> (default) on every commit, so an acknowledged write survives a power
    /// loss as well as a process kill; <c>Normal</c> only at checkpoints, so it survives a process kill but the last commits
    /// before a power loss may be lost (bench/README.md, "Write path").
    /// </summary>
    /// <see href="https://www.sqlite.org/pragma.html#pragma_synchronous"/>
    public SqliteSync SqliteSynchronous { get; set; } = SqliteSync.Full;
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels GtmBot allows (both keep the database consistent in WAL mode).</summary>
public enum SqliteSync
{
    Full,
    Normal,
}

/// <summary>Supported database providers.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

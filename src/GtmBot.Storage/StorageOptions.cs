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
}

/// <summary>Supported database providers.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

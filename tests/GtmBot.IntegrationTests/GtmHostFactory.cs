using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GtmBot.IntegrationTests;

/// <summary>The real host in-process, on a fresh SQLite data folder (or the given settings), cleaned up on dispose.</summary>
public sealed class GtmHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;

    public GtmHostFactory(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("gtmbot-test-").FullName;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["GtmBot:Storage:DataDirectory"] = DataDirectory,
        };
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection: the temp folder is left for the OS to clean.
            }
        }
    }
}

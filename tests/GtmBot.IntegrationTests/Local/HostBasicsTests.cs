using System.Collections.Concurrent;
using System.Net;
using GtmBot.Host;
using GtmBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GtmBot.IntegrationTests.Local;

public sealed class HostBasicsTests
{
    [Fact]
    public async Task Favicon_is_served_rather_than_a_404()
    {
        await using var host = new GtmHostFactory();
        using var client = host.CreateClient();
        var response = await client.GetAsync("/favicon.ico", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_location_names_the_sqlite_file_or_the_postgres_database_without_its_password()
    {
        var sqlite = HostExtensions.StorageLocation(new StorageOptions { DataDirectory = "/var/lib/gtmbot" }, new ConfigurationBuilder().Build());
        Assert.Equal(Path.GetFullPath("/var/lib/gtmbot/gtmbot.db"), sqlite);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Port=5432;Database=gtm;Username=bot;Password=s3cret",
        }).Build();
        var postgres = HostExtensions.StorageLocation(new StorageOptions { Provider = StorageProvider.Postgres }, configuration);
        Assert.Equal("host db.internal, database gtm", postgres);
        Assert.DoesNotContain("s3cret", postgres, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_log_nothing_at_information_and_start_up_names_the_storage_file()
    {
        await using var root = new GtmHostFactory();
        var logs = new RecordingLoggerProvider();
        await using var host = root.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = host.CreateClient();
        await logs.WaitForAsync(e => e.EventId == 101);
        var storage = Assert.Single(logs.Entries, e => e.EventId == 101);
        Assert.Equal($"Storage: Sqlite at {Path.Combine(root.DataDirectory, "gtmbot.db")}", storage.Message);

        // Start-up is over once the background services said they started (outbox 700, reminders 710, exports 1430) and the
        // chart warm-up said how it went (130 ready, 131 unavailable).
        foreach (var started in new[] { 700, 710, 1430 })
        {
            await logs.WaitForAsync(e => e.EventId == started);
        }

        await logs.WaitForAsync(e => e.EventId is 130 or 131);

        var before = logs.Entries.Count;
        for (var i = 0; i < 50; i++)
        {
            using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
            using var poll = await client.GetAsync(new Uri("/local/api/channels/general/messages?after=0", UriKind.Relative), TestContext.Current.CancellationToken);
            using var icon = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        }

        // 150 requests: not one line from the request pipeline or the queries behind them.
        var during = logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.True(during.Count == 0, string.Join('\n', during.Select(e => $"{e.Category}: {e.Message}")));
    }

    private sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);

    /// <summary>Keeps every log entry that passes the host's filters.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyCollection<LogEntry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public async Task WaitForAsync(Func<LogEntry, bool> match)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!_entries.Any(match))
            {
                await Task.Delay(20, cts.Token);
            }
        }

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}

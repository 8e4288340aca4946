using System.Collections.Concurrent;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Host;
using GtmBot.Host.Delivery;
using GtmBot.Host.Scheduling;
using GtmBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace GtmBot.IntegrationTests.Delivery;

/// <summary>
/// The host's delivery wiring (engine, storage, flows, dispatcher, scheduler) in a generic host, with a recording messenger.
/// Several of these on one database act as several instances.
/// </summary>
internal sealed class DeliveryHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _ownedDirectory;

    private DeliveryHost(IHost host, string? ownedDirectory)
    {
        _host = host;
        _ownedDirectory = ownedDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public ReminderScheduler Scheduler => _host.Services.GetServices<IHostedService>().OfType<ReminderScheduler>().Single();

    public OutboxDispatcher Dispatcher => _host.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    /// <param name="settings">Configuration; without a storage provider, a fresh SQLite folder.</param>
    /// <param name="messengers">The platforms' messengers (recording fakes).</param>
    /// <param name="clock">A fake clock; then the background loops are off and tests call RunOnceAsync.</param>
    public static async Task<DeliveryHost> StartAsync(IDictionary<string, string?>? settings, IEnumerable<IPlatformMessenger> messengers, TimeProvider? clock = null)
    {
        var config = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        string? owned = null;
        if (!config.ContainsKey("GtmBot:Storage:Provider"))
        {
            owned = Directory.CreateTempSubdirectory("gtmbot-delivery-").FullName;
            config["GtmBot:Storage:DataDirectory"] = owned;
        }

        if (clock is not null)
        {
            config["GtmBot:Delivery:Enabled"] = "false";
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddGtmEngine();
        builder.Services.AddGtmFlows();
        builder.Services.AddGtmStorage(builder.Configuration);
        builder.Services.AddGtmDelivery(builder.Configuration);
        foreach (var messenger in messengers)
        {
            builder.Services.AddSingleton(messenger);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new DeliveryHost(host, owned);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(stop.Token);
        _host.Dispose();
        if (_ownedDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection: the temp folder is left for the OS.
            }
        }
    }
}

/// <summary>A fresh PostgreSQL database for one test, dropped afterwards.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var s = new Dictionary<string, string?>
        {
            ["GtmBot:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = ConnectionString,
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            s[k] = v;
        }

        return s;
    }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = TestEnvironment.Postgres();
        var db = new PostgresDatabase(server, $"gtm_test_{Guid.NewGuid():N}");
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{db.Name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A fake platform that records what it was asked to deliver; <see cref="Behaviour"/> can fail or stall a call.</summary>
internal sealed class RecordingMessenger(string platform) : IPlatformMessenger
{
    private int _next;

    public string Platform => platform;

    public TimeSpan Pacing { get; init; }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>Every attempt's outbox context, failed ones included.</summary>
    public ConcurrentQueue<OutboxDelivery> Attempts { get; } = new();

    public Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(delivery);
        return DeliverAsync(conversation, reply, existingMessageId, cancellationToken);
    }

    /// <summary>Runs before each delivery; may throw (a <see cref="DeliveryException"/>) or wait.</summary>
    public Func<ConversationKey, Reply, CancellationToken, Task>? Behaviour { get; set; }

    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        if (Behaviour is { } behaviour)
        {
            await behaviour(conversation, reply, cancellationToken);
        }

        var id = existingMessageId ?? $"{platform}-msg-{Interlocked.Increment(ref _next)}";
        Deliveries.Enqueue(new Delivery(conversation, reply, existingMessageId, id));
        return id;
    }

    public sealed record Delivery(ConversationKey Conversation, Reply Reply, string? ExistingMessageId, string MessageId);
}

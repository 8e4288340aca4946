// Reminders bench: N channels whose weekly reminder is due in the same minute, two host instances (dispatcher + scheduler each)
// on one PostgreSQL database, and a fake Slack messenger that enforces Slack's one-message-per-second-per-channel limit with a 429.
// Measures that every reminder is delivered exactly once and how long it takes.
//   GTMBOT_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=postgres" dotnet run -c Release --project bench/reminders -- [channels] [latencyMs] [instances]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Host;
using GtmBot.Host.Delivery;
using GtmBot.Storage;
using GtmBot.Storage.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

var channels = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
var instances = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var server = Environment.GetEnvironmentVariable("GTMBOT_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set GTMBOT_TEST_POSTGRES to a PostgreSQL server connection string.");
var database = $"gtm_bench_{Guid.NewGuid():N}";
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 60 }.ToString();
await ExecAsync(server, $"CREATE DATABASE \"{database}\"");
try
{
    var settings = new Dictionary<string, string?>
    {
        ["GtmBot:Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = connectionString,
        ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.200",
        ["GtmBot:Delivery:SchedulerPollInterval"] = "00:00:01",
        ["GtmBot:Delivery:BatchSize"] = "200",
        ["GtmBot:Delivery:MaxParallelDeliveries"] = "32",
    };
    var slack = new FakeSlack(latency);

    // Setup: schema and the reminders, all due in the same minute (this minute's start).
    var now = TimeProvider.System.GetUtcNow();
    var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    var setupWatch = Stopwatch.StartNew();
    using (var setup = await StartAsync(settings, enabled: false, slack))
    {
        var store = setup.Services.GetRequiredService<ReminderStore>();
        var schedule = new WeeklySchedule(minute.DayOfWeek, minute.Hour, minute.Minute, "UTC");
        await Parallel.ForEachAsync(Enumerable.Range(0, channels), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.SetAsync(new ConversationKey(Platforms.Slack, $"T{i % 50:00}", $"C{i:00000}"), schedule, minute, "U1", ct));
        await setup.StopAsync();
    }

    Console.WriteLine($"setup: {channels} reminders due at {minute:u} written in {setupWatch.Elapsed.TotalSeconds:F1} s");

    // The run: the instances start together; the clock runs from their start until the last delivery.
    var watch = Stopwatch.StartNew();
    var hosts = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => StartAsync(settings, enabled: true, slack)));
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    while (slack.Delivered < channels && !timeout.IsCancellationRequested)
    {
        await Task.Delay(50);
    }

    var elapsed = watch.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would arrive now
    foreach (var host in hosts)
    {
        await host.StopAsync();
        host.Dispose();
    }

    var perChannel = slack.Counts.Values;
    var duplicates = perChannel.Count(c => c > 1);
    var missing = channels - slack.Counts.Count;
    var delays = slack.DeliveredAt.Select(t => (t - minute).TotalSeconds).Order().ToArray();
    Console.WriteLine($"instances: {instances}, channels: {channels}, messenger latency: {latency.TotalMilliseconds} ms");
    Console.WriteLine($"delivered: {slack.Delivered}, distinct channels: {slack.Counts.Count}, duplicates: {duplicates}, missing: {missing}, 429s: {slack.Throttled}");
    Console.WriteLine($"all delivered {elapsed.TotalSeconds:F1} s after the instances started ({channels / elapsed.TotalSeconds:F0} msg/s)");
    Console.WriteLine($"per instance: {string.Join(", ", slack.ByCaller.OrderBy(k => k.Key).Select(k => k.Value))}");
    if (delays.Length > 0)
    {
        Console.WriteLine($"delay after the due minute: p50 {delays[delays.Length / 2]:F1} s, p99 {delays[(int)(delays.Length * 0.99)]:F1} s, max {delays[^1]:F1} s");
    }

    return duplicates == 0 && missing == 0 ? 0 : 1;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
}

static async Task<IHost> StartAsync(Dictionary<string, string?> settings, bool enabled, FakeSlack slack)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(settings);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Delivery:Enabled"] = enabled ? "true" : "false" });
    builder.Services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
    builder.Services.AddGtmEngine();
    builder.Services.AddGtmFlows();
    builder.Services.AddGtmStorage(builder.Configuration);
    builder.Services.AddGtmDelivery(builder.Configuration);
    builder.Services.AddSingleton<IPlatformMessenger>(new FakeSlack.Instance(slack, Guid.NewGuid().ToString("N")[..6]));
    var host = builder.Build();
    await host.StartAsync();
    return host;
}

static async Task ExecAsync(string server, string sql)
{
    await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    await cmd.ExecuteNonQueryAsync();
}

/// <summary>A fake Slack: answers after a latency, enforces one message per second per channel with a 429 and Retry-After, counts.</summary>
internal sealed class FakeSlack(TimeSpan latency)
{
    private readonly ConcurrentDictionary<string, long> _lastPost = new();
    private int _delivered;
    private int _throttled;

    public ConcurrentDictionary<string, int> Counts { get; } = new();

    public ConcurrentDictionary<string, int> ByCaller { get; } = new();

    public ConcurrentBag<DateTimeOffset> DeliveredAt { get; } = [];

    public int Delivered => Volatile.Read(ref _delivered);

    public int Throttled => Volatile.Read(ref _throttled);

    public async Task<string> PostAsync(string caller, ConversationKey conversation, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        var key = conversation.ToString();
        var now = Stopwatch.GetTimestamp();
        var last = _lastPost.GetOrAdd(key, 0);
        if (last != 0 && Stopwatch.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1))
        {
            Interlocked.Increment(ref _throttled);
            throw new DeliveryException("ratelimited", permanent: false, TimeSpan.FromSeconds(1));
        }

        _lastPost[key] = now;
        Counts.AddOrUpdate(key, 1, (_, c) => c + 1);
        ByCaller.AddOrUpdate(caller, 1, (_, c) => c + 1);
        DeliveredAt.Add(TimeProvider.System.GetUtcNow());
        return $"ts-{Interlocked.Increment(ref _delivered)}";
    }

    /// <summary>One host instance's messenger over the shared fake platform.</summary>
    internal sealed class Instance(FakeSlack slack, string name) : IPlatformMessenger
    {
        public string Platform => Platforms.Slack;

        // The pace the real Slack messenger declares: this fake answers 429 to anything faster.
        public TimeSpan Pacing => TimeSpan.FromSeconds(1);

        public Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken) =>
            slack.PostAsync(name, conversation, cancellationToken);
    }
}

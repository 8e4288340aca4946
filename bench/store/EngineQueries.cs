using System.Diagnostics;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Bench.Store;

/// <summary>
/// The product's own commands over the seeded million: <c>/gtm quotes &lt;keyword&gt;</c> and <c>/gtm insights</c> through the
/// real engine, quote flow and store, as a Slack request would run them (minus HTTP), in a random channel each time.
/// </summary>
internal static class EngineQueries
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var a = new Args(argv);
        var provider = a.Get("provider", "sqlite");
        var iterations = a.Int("iterations", 50);
        var settings = new Dictionary<string, string?>
        {
            ["GtmBot:Storage:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
            ["GtmBot:Storage:DataDirectory"] = Path.GetDirectoryName(Path.GetFullPath(a.Get("file", "gtmbot.db"))),
            ["ConnectionStrings:Postgres"] = Scale.PostgresConnection(a),
        };
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddFlow<QuoteFlow>();
        await using var sp = services.BuildServiceProvider();
        foreach (var hosted in sp.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var engine = sp.GetRequiredService<ConversationEngine>();
        var random = new Random(11);
        string[] commands = ["/gtm quotes export", "/gtm quotes 单点登录", "/gtm quotes 价格", "/gtm insights"];
        Console.WriteLine($"command ({provider}, through the engine, {iterations} runs each, random channel) | p50 ms | p95 ms | max ms");
        foreach (var command in commands)
        {
            var times = new List<double>();
            for (var i = 0; i < iterations + 3; i++)
            {
                var channel = new ConversationKey(Platforms.Slack, $"TW{random.Next(Scale.Workspaces):00}", $"C{random.Next(Scale.ChannelsPerWorkspace):000}");
                var turn = new Turn(channel, new TurnUser("U001"), "en", new CommandInput(command));
                var w = Stopwatch.StartNew();
                var replies = await engine.HandleAsync(turn, CancellationToken.None);
                if (i >= 3)
                {
                    times.Add(w.Elapsed.TotalMilliseconds);
                }

                if (replies.Count == 0)
                {
                    throw new InvalidOperationException($"{command} answered nothing");
                }
            }

            times.Sort();
            Console.WriteLine(FormattableString.Invariant($"{command} | {Scale.Pct(times, 0.50):F1} | {Scale.Pct(times, 0.95):F1} | {times[^1]:F1}"));
        }

        foreach (var hosted in sp.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}

using System.Diagnostics;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Insights;
using GtmBot.Engine.Ports;
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
        await using var sp = await StartAsync(a, provider);
        var engine = sp.GetRequiredService<ConversationEngine>();
        var random = new Random(11);

        // The insights snapshot of every channel, built as the background worker builds it after a change: the cost of one
        // channel's rebuild (read its newest 5,000 quotes, group the newest 1,000, store the result).
        var insights = sp.GetRequiredService<ChannelInsights>();
        var rebuilds = new List<double>();
        for (var w = 0; w < (a.Get("rebuild", "yes") == "no" ? 0 : Scale.Workspaces); w++)
        {
            for (var c = 0; c < Scale.ChannelsPerWorkspace; c++)
            {
                var watch = Stopwatch.StartNew();
                await insights.RefreshAsync(new ConversationKey(Platforms.Slack, $"TW{w:00}", $"C{c:000}"), CancellationToken.None);
                rebuilds.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        rebuilds.Sort();
        if (rebuilds.Count > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"insights snapshot rebuild, {rebuilds.Count} channels | p50 {Scale.Pct(rebuilds, 0.50):F1} ms | p95 {Scale.Pct(rebuilds, 0.95):F1} ms | max {rebuilds[^1]:F1} ms | total {rebuilds.Sum() / 1000:F1} s"));
        }

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

        await StopAsync(sp);
        return 0;
    }

    /// <summary>
    /// The open API's quote query (<c>GET /api/v1/quotes</c>: a workspace, oldest first, a page of 50 and one more) through the
    /// product's <see cref="IQuoteSearch"/>, as the endpoint calls it: by keyword, by person, by time range, and all three.
    /// </summary>
    public static async Task<int> SearchAsync(string[] argv)
    {
        var a = new Args(argv);
        var provider = a.Get("provider", "sqlite");
        var iterations = a.Int("iterations", 100);
        await using var sp = await StartAsync(a, provider);
        var search = sp.GetRequiredService<IQuoteSearch>();
        var random = new Random(7);
        string[] en = ["export", "single sign-on", "webhooks", "spreadsheet"];
        string[] zh = ["单点登录", "手工录入", "审计日志", "太贵了"];
        string[] zh2 = ["价格", "闪退"];
        const int Page = 51;
        string Ws(Random r) => $"slack:TW{r.Next(Scale.Workspaces):00}";
        string Person(Random r) => $"U{r.Next(Scale.People):000}";
        DateTimeOffset Day(Random r) => Scale.Start.AddDays(r.Next(600));
        var cases = new (string Name, Func<Random, QuoteSearch> Make)[]
        {
            ("q=<English keyword>, workspace-wide", r => new QuoteSearch(Ws(r), null, [en[r.Next(en.Length)]], Page, NewestFirst: false)),
            ("q=<Chinese keyword ≥ 3 chars>, workspace-wide", r => new QuoteSearch(Ws(r), null, [zh[r.Next(zh.Length)]], Page, NewestFirst: false)),
            ("q=<Chinese keyword, 2 chars>, workspace-wide", r => new QuoteSearch(Ws(r), null, [zh2[r.Next(zh2.Length)]], Page, NewestFirst: false)),
            ("q=<keyword>&channel=<channel>", r => new QuoteSearch(Ws(r), $"C{r.Next(Scale.ChannelsPerWorkspace):000}", [en[r.Next(en.Length)]], Page, NewestFirst: false)),
            ("by=<person>", r => new QuoteSearch(Ws(r), null, [], Page, By: Person(r), NewestFirst: false)),
            ("from=<day>&to=<day + 7>", r => Day(r) is var d ? new QuoteSearch(Ws(r), null, [], Page, From: d, To: d.AddDays(7), NewestFirst: false) : null!),
            ("q=<keyword>&by=<person>&from&to (90 days)", r => Day(r) is var d ? new QuoteSearch(Ws(r), null, [en[r.Next(en.Length)]], Page, By: Person(r), From: d, To: d.AddDays(90), NewestFirst: false) : null!),
        };
        Console.WriteLine($"API quote query ({provider}, IQuoteSearch, page of {Page}, {iterations} runs each) | p50 ms | p95 ms | max ms | quotes (median)");
        foreach (var (name, make) in cases)
        {
            var times = new List<double>();
            var counts = new List<int>();
            for (var i = 0; i < iterations + 5; i++)
            {
                var s = make(random);
                var w = Stopwatch.StartNew();
                var found = await search.SearchAsync(s, CancellationToken.None);
                if (i >= 5)
                {
                    times.Add(w.Elapsed.TotalMilliseconds);
                    counts.Add(found.Quotes.Count);
                }
            }

            times.Sort();
            counts.Sort();
            Console.WriteLine(FormattableString.Invariant($"{name} | {Scale.Pct(times, 0.50):F1} | {Scale.Pct(times, 0.95):F1} | {times[^1]:F1} | {counts[counts.Count / 2]}"));
        }

        await StopAsync(sp);
        return 0;
    }

    private static async Task<ServiceProvider> StartAsync(Args a, string provider)
    {
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
        var sp = services.BuildServiceProvider();
        foreach (var hosted in sp.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return sp;
    }

    private static async Task StopAsync(ServiceProvider sp)
    {
        foreach (var hosted in sp.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }
}

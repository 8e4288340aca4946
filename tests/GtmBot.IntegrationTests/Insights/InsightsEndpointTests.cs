using System.Diagnostics;
using System.Text.Json;
using GtmBot.Engine.Insights;
using GtmBot.IntegrationTests.Local;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Insights;

/// <summary>
/// <c>/gtm insights</c> through the real host's command endpoint (<c>/local/api/turns</c>), with the background rebuild worker
/// running: a quote captured after the snapshot was built is shown as "not counted yet", then counted once the worker has
/// rebuilt the channel.
/// </summary>
public sealed class InsightsEndpointTests : IDisposable
{
    private readonly GtmHostFactory _root = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;

    public InsightsEndpointTests() =>
        // A long debounce, and every read answers from the snapshot: the rebuild runs only when a read finds it behind.
        _host = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new InsightsRefreshOptions(TimeSpan.FromHours(1), InlineUpTo: 0))));

    public void Dispose()
    {
        _host.Dispose();
        _root.Dispose();
    }

    private static string Text(JsonElement reply) => string.Join('\n', reply.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() + "\n" + r.GetProperty("html").GetString()));

    private static Task<JsonElement> SayAsync(HttpClient client, string text) =>
        LocalChannelApiTests.PostAsync(client, new { channel = "product", user = "ana", text });

    [Fact]
    public async Task A_quote_captured_after_the_snapshot_is_shown_as_behind_then_counted_by_the_background_rebuild()
    {
        using var client = _host.CreateClient();
        await SayAsync(client, "/gtm quote Acme: We need nightly backups, we lost a week of work.");
        await SayAsync(client, "/gtm quote Globex: Backups must be kept for 30 days for our auditors.");
        await SayAsync(client, "/gtm quote Backups would help us too.");
        await SayAsync(client, "/gtm quote Acme: We need nightly backups, we lost a week of work.");

        var first = Text(await SayAsync(client, "/gtm insights"));
        Assert.Contains("3 quotes from 2 customers", first, StringComparison.Ordinal);

        await SayAsync(client, "/gtm quote Initech: Nightly backups are a must for our auditors.");
        var behind = Text(await SayAsync(client, "/gtm insights"));
        Assert.Contains("3 quotes from 2 customers", behind, StringComparison.Ordinal);
        Assert.Contains("1 newer quotes are not counted yet", behind, StringComparison.Ordinal);

        // The read asked the worker for the channel; it is rebuilt within a few seconds.
        var watch = Stopwatch.StartNew();
        string now;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            now = Text(await SayAsync(client, "/gtm insights"));
        }
        while (!now.Contains("4 quotes from 3 customers", StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Contains("4 quotes from 3 customers", now, StringComparison.Ordinal);
        Assert.DoesNotContain("not counted yet", now, StringComparison.Ordinal);
    }
}

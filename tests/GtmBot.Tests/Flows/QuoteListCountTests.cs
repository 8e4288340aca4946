using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Flows;

/// <summary><c>/gtm quotes &lt;keyword&gt;</c> counts matches up to <see cref="QuoteFlow.MaxCounted"/> and says "500+" beyond.</summary>
public sealed class QuoteListCountTests : IAsyncLifetime
{
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "product");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-quote-count-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<QuoteFlow>();
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task StoreAsync(int count, string words)
    {
        var store = _services.GetRequiredService<IQuoteStore>();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => store.AddAsync(
            Channel,
            new NewQuote($"{words} number {i}", $"Customer {i}", "en", new QuoteOrigin("ana", null, null, null, null, null, "slash"), _clock.GetUtcNow().AddSeconds(i), [], Motive.Unclear),
            CancellationToken.None)));
    }

    private async Task<string> TitleAsync(string text) =>
        Assert.IsType<HeaderBlock>(Assert.Single(await _services.GetRequiredService<ConversationEngine>().HandleAsync(
            new Turn(Channel, new TurnUser("ana"), "en", new CommandInput(text)), CancellationToken.None)).Blocks[0]).Text;

    [Fact]
    public async Task More_matches_than_the_cap_are_shown_as_500_plus_and_fewer_exactly()
    {
        await StoreAsync(QuoteFlow.MaxCounted + 20, "the export breaks");
        await StoreAsync(37, "webhooks are missing");

        Assert.Equal("Customer quotes (500+)", await TitleAsync("/gtm quotes export"));
        Assert.Equal("Customer quotes (37)", await TitleAsync("/gtm quotes webhooks"));
    }
}

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

/// <summary>The tagger learns from a workspace's corrections, through the real flow and the real SQLite store.</summary>
public sealed class QuoteLearningTests : IAsyncLifetime
{
    private static readonly ConversationKey Taught = new(Platforms.Local, "brightline", "sales");
    private static readonly ConversationKey TaughtOtherChannel = new(Platforms.Local, "brightline", "product");
    private static readonly ConversationKey Untaught = new(Platforms.Local, "orbis", "sales");

    /// <summary>
    /// One recurring kind of quote: a nice-to-have look-and-feel wish. Read alone, the taxonomy makes it a feature-request
    /// with the motive want, and that is what the shipped model gives. One workspace's team files these as need — its
    /// customers' night shifts work under an eye-strain rule — so for that team the model's motive is a recurring mistake,
    /// and they correct it twenty times (confirming the request and that it is neither praise nor pain).
    /// </summary>
    private static readonly string[] Taught20 =
    [
        "A dark mode for the dispatch board would be nice for the night crew.",
        "Would be lovely to have a dark theme on the scheduling screen.",
        "Dark mode on the inventory page would be nice, the white is bright at night.",
        "It would be nice if the reports page had a dark mode.",
        "Nice to have: dark mode for the mobile timesheet view.",
        "A darker theme for the ticket queue would be nice for late shifts.",
        "Dark mode on the invoice list would be a nice touch.",
        "Would be nice to get a dark theme in the route planner.",
        "It'd be nice to have dark mode on the dashboard for the evening team.",
        "A dark mode option for the chat panel would be nice.",
        "Dark theme for the calendar view would be nice to have.",
        "Would be nice if the order screen offered a dark mode.",
        "A dark mode in the CRM contact view would be nice for reps working late.",
        "Nice to have a dark theme on the warehouse picking screen.",
        "Dark mode for the analytics page would be a nice extra.",
        "It would be nice to switch the settings page to a dark theme.",
        "A dark mode on the patient list would be nice for the night ward.",
        "Would be nice to have dark mode on the kiosk screen.",
        "Dark theme on the shipment tracker would be nice.",
        "A dark mode for the admin console would be nice for the ops team.",
    ];

    private static readonly string[] NewOfTheKind =
    [
        "A dark mode for the billing page would be nice for the finance team at night.",
        "Would be nice to have a dark theme on the lesson planner.",
        "Dark mode on the fleet map would be nice for the evening dispatchers.",
        "It would be nice if the booking calendar had a dark mode.",
        "Nice to have: a dark theme for the expense report screen.",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-learning-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    private ConversationEngine Engine => _services.GetRequiredService<ConversationEngine>();

    private IQuoteStore Store => _services.GetRequiredService<IQuoteStore>();

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

    private async Task<QuoteRecord> CaptureAsync(ConversationKey channel, string text)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Engine.HandleAsync(new Turn(channel, new TurnUser("ana"), "en", new CommandInput("/gtm quote " + text)), CancellationToken.None);
        return (await Store.ListAsync(channel, null, 1, CancellationToken.None))[0];
    }

    private Task Press(ConversationKey channel, string actionId, string value) =>
        Engine.HandleAsync(new Turn(channel, new TurnUser("ben"), "en", new ActionInput(actionId, value, new Dictionary<string, string?>())), CancellationToken.None);

    /// <summary>What the team wants for this kind of quote.</summary>
    private static bool IsRight(QuoteRecord q) => IsRight(q.Tags, q.Motive);

    private static bool IsRight(IReadOnlyList<string> tags, Motive motive) =>
        tags.Contains(QuoteTags.FeatureRequest) && !tags.Contains(QuoteTags.Praise) && !tags.Contains(QuoteTags.Pain) && motive == Motive.Need;

    /// <summary>Sets a tag the way a person does on the card: pressing it, or pressing twice to confirm what is already right.</summary>
    private async Task SetTagAsync(QuoteRecord quote, string tag, bool on)
    {
        var value = $"{quote.Id}|{tag}";
        if (quote.HasTag(tag) != on)
        {
            await Press(Taught, QuoteActions.Tag, value);
        }
        else
        {
            await Press(Taught, QuoteActions.Tag, value);
            await Press(Taught, QuoteActions.Tag, value);
        }
    }

    [Fact]
    public async Task Twenty_corrections_teach_their_workspace_and_no_other()
    {
        // Before any correction both workspaces read new quotes of the kind alike (the model's reading).
        var model = _services.GetRequiredService<ModelQuoteTagger>();
        var untaughtBefore = NewOfTheKind.Select(model.Tag).ToList();
        Assert.Contains(untaughtBefore, r => !IsRight(r.Tags, r.Motive));

        foreach (var text in Taught20)
        {
            var quote = await CaptureAsync(Taught, text);
            await SetTagAsync(quote, QuoteTags.FeatureRequest, on: true);
            await SetTagAsync(quote, QuoteTags.Praise, on: false);
            await SetTagAsync(quote, QuoteTags.Pain, on: false);
            await Press(Taught, QuoteActions.Motive, $"{quote.Id}|need");
            Assert.True(IsRight((await Store.GetAsync(Taught, quote.Id, CancellationToken.None))!));
        }

        // New quotes of that kind, in the taught workspace (another channel of it too), come out right.
        foreach (var text in NewOfTheKind)
        {
            Assert.True(IsRight(await CaptureAsync(Taught, text)), $"taught channel: {text}");
            Assert.True(IsRight(await CaptureAsync(TaughtOtherChannel, text)), $"taught workspace, other channel: {text}");
        }

        // The other workspace is unaffected: exactly the model's reading.
        for (var i = 0; i < NewOfTheKind.Length; i++)
        {
            var quote = await CaptureAsync(Untaught, NewOfTheKind[i]);
            Assert.Equal(untaughtBefore[i].Tags, quote.Tags);
            Assert.Equal(untaughtBefore[i].Motive, quote.Motive);
        }

        // A quote of another kind in the taught workspace keeps the model's reading.
        const string other = "价格比竞品贵不少，我们很难跟老板交代。";
        var otherQuote = await CaptureAsync(Taught, other);
        Assert.Equal(model.Tag(other).Tags, otherQuote.Tags);
    }
}

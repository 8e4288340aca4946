using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Strings;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Engine;

/// <summary><c>/gtm lang</c> and <c>/gtm timezone</c> at their three scopes, through the real engine and SQLite store.</summary>
public sealed class PreferencesTests : IAsyncLifetime
{
    private static readonly ConversationKey Launch = new(Platforms.Slack, "T1", "C-launch");
    private static readonly ConversationKey Sales = new(Platforms.Slack, "T1", "C-sales");
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-prefs-").FullName;

    // Monday 23 Nov 2026, 20:00 UTC: already Tuesday in Shanghai.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    private ConversationEngine Engine => _services.GetRequiredService<ConversationEngine>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GtmBot:Storage:DataDirectory"] = _dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGtmEngine();
        services.AddGtmStorage(configuration);
        services.AddFlow<ChecklistFlow>();
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

    private static Turn Turn(ConversationKey channel, string user, string text, string? locale = "en-US", string? zone = null) =>
        new(channel, new TurnUser(user, user, zone), locale, new CommandInput(text));

    private Task<Lang> LangOf(ConversationKey channel, string user, string? locale = "en-US") =>
        Engine.ResolveLanguageAsync(Turn(channel, user, "help", locale), CancellationToken.None);

    private async Task<string> Say(ConversationKey channel, string user, string text, string? zone = null)
    {
        var result = await Engine.RunAsync(Turn(channel, user, text, zone: zone), CancellationToken.None);
        return string.Join('\n', result.Replies.SelectMany(r => r.Blocks).OfType<TextBlock>().Select(b => b.Markup));
    }

    [Fact]
    public async Task Channel_language_stays_in_its_channel()
    {
        Assert.Contains("this channel now uses", await Say(Launch, "ana", "lang en channel"), StringComparison.Ordinal);
        Assert.Contains("本频道现在使用中文", await Say(Launch, "ana", "lang zh channel"), StringComparison.Ordinal);

        Assert.Equal(Lang.Zh, await LangOf(Launch, "bo"));
        Assert.Equal(Lang.En, await LangOf(Sales, "bo"));
    }

    [Fact]
    public async Task User_beats_channel_beats_workspace_beats_locale()
    {
        Assert.Equal(Lang.Zh, await LangOf(Sales, "cy", "zh-CN"));
        await Say(Sales, "ana", "lang en workspace");
        Assert.Equal(Lang.En, await LangOf(Sales, "cy", "zh-CN"));

        await Say(Launch, "ana", "lang zh channel");
        Assert.Equal(Lang.Zh, await LangOf(Launch, "cy"));
        Assert.Equal(Lang.En, await LangOf(Sales, "cy"));

        await Say(Sales, "bo", "lang en");
        Assert.Equal(Lang.En, await LangOf(Launch, "bo"));
    }

    [Fact]
    public async Task Workspace_time_zone_is_used_until_a_person_chooses_their_own()
    {
        var turn = Turn(Sales, "ana", "help");
        Assert.Equal(TimeZoneInfo.Utc, await Engine.ResolveTimeZoneAsync(turn, CancellationToken.None));

        Assert.Contains("Asia/Shanghai", await Say(Sales, "bo", "timezone Asia/Shanghai workspace"), StringComparison.Ordinal);
        Assert.Equal("Asia/Shanghai", (await Engine.ResolveTimeZoneAsync(turn, CancellationToken.None)).Id);
        Assert.Equal("Asia/Shanghai", (await Engine.ResolveTimeZoneAsync(Turn(Launch, "cy", "help"), CancellationToken.None)).Id);

        // The platform's zone for a person beats the workspace's; their own choice beats both.
        Assert.Equal("Europe/Berlin", (await Engine.ResolveTimeZoneAsync(Turn(Sales, "ana", "help", zone: "Europe/Berlin"), CancellationToken.None)).Id);
        Assert.Contains("Tue 2026-11-24", await Say(Sales, "ana", "timezone Asia/Tokyo"), StringComparison.Ordinal);
        Assert.Equal("Asia/Tokyo", (await Engine.ResolveTimeZoneAsync(Turn(Sales, "ana", "help", zone: "Europe/Berlin"), CancellationToken.None)).Id);
    }

    [Theory]
    [InlineData("timezone Mars/Olympus", "don't know the time zone")]
    [InlineData("timezone Asia/Shanghai channel", "not channels")]
    [InlineData("timezone", "Your time zone is `UTC`")]
    public async Task Time_zone_command_explains_itself(string text, string expected) =>
        Assert.Contains(expected, await Say(Sales, "ana", text), StringComparison.Ordinal);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>Mentions in the bot's Teams cards show the person's name (from the activities the bot heard), not their id.</summary>
public sealed class TeamsMentionTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;
    private GtmHostFactory _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        var settings = _fake.HostSettings();
        settings["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050";
        _host = new GtmHostFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("en-US", "why pilots stall after the demo", "started by <at>Alex Wilber</at>")]
    [InlineData("zh-CN", "为什么 试点在演示后停滞", "由 <at>Alex Wilber</at> 于")]
    public async Task A_drill_card_mentions_its_starter_by_name(string locale, string text, string expected)
    {
        var activity = TeamsActivities.Load("14-playground-message-channel.json", _fake.ServiceUrl);
        activity["text"] = $"<at>Test Bot</at> {text}";
        activity["locale"] = locale;
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        JsonNode? card = null;
        for (var i = 0; i < 100 && card is null; i++)
        {
            card = _fake.Calls.Select(c => c.Body?["activity"]?["attachments"]?[0]?["content"] ?? c.Body?["attachments"]?[0]?["content"]).LastOrDefault(c => c is not null);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(card);
        var json = card.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(expected, json, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>00000000-0000-0000-0000-0000000000020</at>", json, StringComparison.Ordinal);
        var mention = Assert.Single(card["msteams"]!["entities"]!.AsArray());
        Assert.Equal("<at>Alex Wilber</at>", mention!["text"]!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-0000000000020", mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Equal("Alex Wilber", mention["mentioned"]!["name"]!.GetValue<string>());
    }
}

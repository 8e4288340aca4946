using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>A new user's first planning commands on Teams, counted as the message activities the connector fake receives.</summary>
public sealed class TeamsOneCardTests : IAsyncLifetime
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
    [InlineData("canvas")]
    [InlineData("checklist")]
    [InlineData("why sales can't find last quarter's call notes")]
    [InlineData("清单")]
    public async Task First_planning_command_sends_exactly_one_card(string command)
    {
        var activity = TeamsActivities.Load("14-playground-message-channel.json", _fake.ServiceUrl);
        activity["text"] = $"<at>Test Bot</at> {command}";
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The living card may go through the outbox; give any second copy time to show up before counting.
        await _fake.WaitForAsync(c => Message(c) is not null);
        await Task.Delay(TimeSpan.FromMilliseconds(750), TestContext.Current.CancellationToken);

        var sent = _fake.ConnectorCalls("POST").Select(Message).OfType<JsonNode>().ToList();
        var card = Assert.Single(sent);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["attachments"]![0]!["contentType"]);
    }

    /// <summary>The message activity a connector call sends: a reply or post, or the first activity of a new thread.</summary>
    private static JsonNode? Message(ConnectorCall call)
    {
        if (call.Method != "POST" || call.Body is null || !call.Path.Contains("/v3/conversations", StringComparison.Ordinal))
        {
            return null;
        }

        var activity = call.Body["activity"] ?? call.Body;
        return (string?)activity["type"] == "message" ? activity : null;
    }
}

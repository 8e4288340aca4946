using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>A summary asked for on Teams: the typing indicator while it runs, then one message that ends as the result.</summary>
public sealed class TeamsSummaryTests : IAsyncLifetime
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
    [InlineData("en-US", "summarize Acme: the export breaks every Monday\nInitech: our admins cannot find the SSO page", "Feedback summary")]
    [InlineData("zh-CN", "总结 海川科技：导出太慢了，每周一都要手工处理\n客户B：找不到权限设置，管理员很头疼", "反馈总结")]
    public async Task Typing_shows_while_the_summary_runs_and_the_result_replaces_the_ack(string locale, string text, string title)
    {
        var activity = TeamsActivities.Load("14-playground-message-channel.json", _fake.ServiceUrl);
        activity["text"] = $"<at>Test Bot</at> {text}";
        activity["locale"] = locale;
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        for (var i = 0; i < 200 && !Cards().Last().Contains(title, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains(title, Cards().Last(), StringComparison.Ordinal);
        var calls = _fake.Calls.ToList();
        var typing = calls.FindIndex(c => c.Body?["type"]?.GetValue<string>() == "typing");
        var result = calls.FindIndex(c => Card(c).Contains(title, StringComparison.Ordinal));
        Assert.InRange(typing, 0, result - 1);

        // One message in the channel for the summary: posted once (the ack, or the result when it was quicker), updated in place.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Single(_fake.Calls, c => c.Method == "POST" && Card(c).Length > 0);
    }

    private IEnumerable<string> Cards() => _fake.Calls.Select(Card).Where(c => c.Length > 0).DefaultIfEmpty(string.Empty);

    private static string Card(ConnectorCall call) =>
        (call.Body?["attachments"] ?? call.Body?["activity"]?["attachments"]) is JsonArray { Count: > 0 } a ? a[0]!["content"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : string.Empty;
}

using System.Net.Http.Json;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.IntegrationTests.Local;
using GtmBot.IntegrationTests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Summaries;

/// <summary>
/// A summary through the real endpoints: its language follows the paste unless the person or channel chose one with
/// <c>/gtm lang</c> (labels included), and the result replaces "Summarizing…" in place instead of posting a second message.
/// </summary>
public sealed class SummaryLivingMessageTests
{
    private const string HalfEnglish = """
        Acme: the export breaks every Monday morning for us
        Initech: our admins cannot find the SSO settings page
        Globex: the mobile board is far too slow to open
        海川科技：导出太慢了
        客户B：找不到权限设置
        客户C：看板打不开
        """;

    private const string Chinese = """
        海川科技：导出太慢了，每周一都要手工处理
        客户B：找不到权限设置，管理员很头疼
        客户C：手机端看板打不开，门店店长每天早上都要看
        """;

    [Theory]
    [InlineData(null, HalfEnglish, "en", "Feedback summary", "Summarizing 6 lines")]
    [InlineData("en", Chinese, "en", "Feedback summary", "Summarizing 3 lines")]
    [InlineData("zh", HalfEnglish, "zh", "反馈总结", "正在总结 6 行反馈")]
    [InlineData("zh channel", HalfEnglish, "zh", "反馈总结", "正在总结 6 行反馈")]
    [InlineData(null, Chinese, "zh", "反馈总结", "Summarizing 3 lines")]
    public async Task The_result_replaces_the_ack_in_the_language_chosen_else_the_pastes(string? lang, string paste, string expected, string title, string ack)
    {
        using var host = new GtmHostFactory();
        using var client = host.CreateClient();
        const string channel = "feedback";
        if (lang is not null)
        {
            await LocalChannelApiTests.PostAsync(client, new { channel, user = "ana", text = "/gtm lang " + lang });
        }

        var asked = await LocalChannelApiTests.PostAsync(client, new { channel, user = "ana", text = "/gtm summarize " + paste });
        var reply = asked.GetProperty("replies")[0];
        Assert.Contains(ack, reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var key = reply.GetProperty("artefactKey").GetString();
        Assert.Equal("summary:1", key);

        var request = await WaitForResultAsync(host, new ConversationKey(Platforms.Local, "local", channel));
        Assert.Equal(expected, request.Result!.Language);

        // The channel holds one message for the summary: the result, in place of "Summarizing…".
        JsonElement[] shown = [];
        for (var i = 0; i < 100; i++)
        {
            var messages = await client.GetFromJsonAsync<JsonElement>(new Uri($"/local/api/channels/{channel}/messages", UriKind.Relative), TestContext.Current.CancellationToken);
            shown = [.. messages.GetProperty("replies").EnumerateArray().Where(r => r.TryGetProperty("artefactKey", out var k) && k.GetString() == key)];
            if (shown.Length == 1 && shown[0].GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var only = Assert.Single(shown);
        var html = only.GetProperty("html").GetString()!;
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ack, html, StringComparison.Ordinal);
        Assert.DoesNotContain(expected == "en" ? "反馈总结" : "Feedback summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_slack_the_summary_is_one_message_updated_in_place_and_not_pinned()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" });
        var response = await host.PostSlashAsync("summarize " + HalfEnglish);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        await WaitForResultAsync(host.Factory.Services, new ConversationKey(Platforms.Slack, "T1", "C1"));
        for (var i = 0; i < 100 && !Final(host).Contains("Feedback summary", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains("Feedback summary", Final(host), StringComparison.Ordinal);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(host.Api.Of("chat.postMessage"), c => c.Json?["channel"]?.GetValue<string>() == "C1");
        Assert.Empty(host.Api.Of("pins.add"));
    }

    /// <summary>What the channel shows last for the summary: the last update, else the post.</summary>
    private static string Final(SlackHost host) =>
        host.Api.Calls.LastOrDefault(c => c.Method is "chat.postMessage" or "chat.update")?.Body ?? string.Empty;

    private static Task<SummaryRequest> WaitForResultAsync(GtmHostFactory host, ConversationKey channel) => WaitForResultAsync(host.Services, channel);

    private static async Task<SummaryRequest> WaitForResultAsync(IServiceProvider services, ConversationKey channel)
    {
        var store = services.GetRequiredService<ISummaryStore>();
        for (var i = 0; i < 200; i++)
        {
            if (await store.GetAsync(channel, 1, CancellationToken.None) is { Result: not null } request)
            {
                return request;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The summary was not done within 20 s.");
    }
}

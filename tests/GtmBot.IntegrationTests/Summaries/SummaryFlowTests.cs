using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Summaries;
using GtmBot.IntegrationTests.Local;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Summaries;

public sealed class SummaryFlowTests : IDisposable
{
    private static readonly ConversationKey Channel = new(Platforms.Local, "local", "feedback");

    private readonly GtmHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Pasted_feedback_is_acknowledged_at_once_then_summarized_stored_and_queued_for_the_channel()
    {
        using var client = _host.CreateClient();
        var form = await LocalChannelApiTests.PostAsync(client, new { channel = Channel.Channel, user = "ana", text = "/gtm summarize" });
        Assert.Contains("data-action=\"summary.submit\"", Html(form), StringComparison.Ordinal);

        var ack = await LocalChannelApiTests.PostAsync(client, new
        {
            channel = Channel.Channel,
            user = "ana",
            action = "summary.submit",
            form = new Dictionary<string, string> { ["feedback"] = Feedback("fb1"), ["lang"] = "auto" },
        });
        Assert.Contains("Summarizing 24 lines", Text(ack), StringComparison.Ordinal);

        var done = await WaitForResultAsync(1);
        Assert.Equal(Feedback("fb1"), done.Request.Text);
        Assert.Equal(4, done.Result!.Themes.Count);
        Assert.Equal([17], done.Result.IgnoredInstructionLines);

        await using var ctx = _host.Services.GetRequiredService<IGtmDbFactory>().Create();
        var row = await ctx.Set<OutboxEntity>().SingleAsync(o => o.WorkspaceKey == Channel.WorkspaceKey && o.Channel == Channel.Channel && o.IdempotencyKey == "summary:1");
        Assert.Contains("Outlook", row.ReplyJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_text_in_chinese_is_summarized_in_chinese_and_the_ack_speaks_the_users_language()
    {
        using var client = _host.CreateClient();
        await LocalChannelApiTests.PostAsync(client, new { channel = Channel.Channel, user = "li", text = "/gtm lang zh" });
        var ack = await LocalChannelApiTests.PostAsync(client, new { channel = Channel.Channel, user = "li", text = "/gtm 总结 " + Feedback("fb2") });
        Assert.Contains("正在总结 25 行反馈", Text(ack), StringComparison.Ordinal);

        var done = await WaitForResultAsync(1);
        Assert.Equal("zh", done.Result!.Language);
        // The host's offline summarizer, with the tagger the host runs.
        var offline = _host.Services.GetRequiredService<GtmBot.Engine.Summaries.HeuristicSummarizer>()
            .Summarize(Feedback("fb2"), GtmBot.Engine.Summaries.SummaryOptions.Auto);
        Assert.Equal(offline.Themes.Select(t => t.Label), done.Result.Themes.Select(t => t.Label));
        Assert.InRange(done.Result.Themes.Count, 4, 5); // the four gold themes of fb2 and at most a praise theme
    }

    [Fact]
    public async Task Empty_paste_is_refused_and_nothing_is_stored()
    {
        using var client = _host.CreateClient();
        var reply = await LocalChannelApiTests.PostAsync(client, new
        {
            channel = Channel.Channel,
            user = "ana",
            action = "summary.submit",
            form = new Dictionary<string, string> { ["feedback"] = "   ", ["lang"] = "auto" },
        });
        Assert.Contains("no feedback to summarize", Html(reply), StringComparison.Ordinal);
        Assert.Null(await _host.Services.GetRequiredService<ISummaryStore>().GetAsync(Channel, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Oversized_paste_is_refused_naming_the_limit_and_the_text_is_kept_in_the_form()
    {
        using var client = _host.CreateClient();
        var text = "Acme: " + new string('x', SummaryLimits.MaxInputChars);
        var reply = await LocalChannelApiTests.PostAsync(client, new
        {
            channel = Channel.Channel,
            user = "ana",
            action = "summary.submit",
            form = new Dictionary<string, string> { ["feedback"] = text },
        });
        var html = Html(reply);
        Assert.Contains("100,000", html, StringComparison.Ordinal);
        Assert.Contains(new string('x', 1000), html, StringComparison.Ordinal);
        Assert.Null(await _host.Services.GetRequiredService<ISummaryStore>().GetAsync(Channel, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Turning_the_llm_off_for_a_channel_is_kept_with_the_request()
    {
        using var client = _host.CreateClient();
        var off = await LocalChannelApiTests.PostAsync(client, new { channel = Channel.Channel, user = "ana", text = "/gtm summarize llm off" });
        Assert.Contains("offline", Text(off), StringComparison.Ordinal);
        await LocalChannelApiTests.PostAsync(client, new { channel = Channel.Channel, user = "ana", text = "/gtm summarize lang en " + Feedback("fb3") });

        var done = await WaitForResultAsync(1);
        Assert.False(done.Request.UseLlm);
        Assert.Equal("en", done.Request.Language);
        Assert.Equal(FeedbackSummary.Heuristic, done.Result!.Summarizer);
    }

    private async Task<SummaryRequest> WaitForResultAsync(long id)
    {
        var store = _host.Services.GetRequiredService<ISummaryStore>();
        for (var i = 0; i < 200; i++)
        {
            var request = await store.GetAsync(Channel, id, CancellationToken.None);
            if (request?.Result is not null)
            {
                return request;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The summary was not done within 20 s.");
    }

    private static string Text(JsonElement response) => response.GetProperty("replies")[0].GetProperty("text").GetString()!;

    private static string Html(JsonElement response) => response.GetProperty("replies")[0].GetProperty("html").GetString()!;

    private static string Feedback(string doc) =>
        File.ReadAllText(Path.Combine(TestEnvironment.Shared("eval", "feedback-dev"), doc + ".txt"));
}

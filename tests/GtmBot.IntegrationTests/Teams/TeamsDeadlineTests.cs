using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Teams;
using GtmBot.Teams.Connector;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>The real host with a flow that stalls until released, a fake Bot Framework, and a given response budget.</summary>
public abstract class TeamsStallingHost : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    protected const string Bot = "28:" + FakeBotFramework.AppId;
    private const string Conversation = "19:launch@thread.tacv2;messageid=1764400000001";

    protected FakeBotFramework Fake => _fake;

    private FakeBotFramework _fake = null!;
    private GtmHostFactory _root = null!;
    private WebApplicationFactory<Program> _host = null!;

    /// <summary>The response budget of the host under test.</summary>
    protected abstract string Budget { get; }

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        var settings = _fake.HostSettings();
        settings["GtmBot:Teams:ResponseBudget"] = Budget;
        settings["GtmBot:Delivery:RetryBaseDelay"] = "00:00:00.100";
        settings["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050";
        _root = new GtmHostFactory(settings);
        _host = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddFlow<StallingFlow>();

            // A token endpoint slower than this is given up on: the test need not wait the production 10 s.
            s.AddHttpClient(BotTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromMilliseconds(500));
        }));
    }

    public async ValueTask DisposeAsync()
    {
        Flow.Release();
        await _host.DisposeAsync();
        _root.Dispose();
        await _fake.DisposeAsync();
    }

    private protected StallingFlow Flow => _host.Services.GetServices<IFlow>().OfType<StallingFlow>().Single();

    private protected async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonNode activity)
    {
        using var client = _host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>An activity in a channel thread, written from the Bot Framework activity schema.</summary>
    private protected JsonNode Activity(string type, string locale, string rest) => JsonNode.Parse(
        "{" + $"\"type\":\"{type}\",\"id\":\"act-{Guid.NewGuid():N}\",\"channelId\":\"msteams\",\"serviceUrl\":\"{_fake.ServiceUrl}\",\"locale\":\"{locale}\","
        + "\"from\":{\"id\":\"29:user-ana\",\"name\":\"Ana\",\"aadObjectId\":\"00000000-0000-0000-0000-000000000020\"},"
        + $"\"recipient\":{{\"id\":\"{Bot}\",\"name\":\"GtmBot\"}},"
        + $"\"conversation\":{{\"isGroup\":true,\"conversationType\":\"channel\",\"tenantId\":\"{Tenant}\",\"id\":\"{Conversation}\"}},"
        + $"\"channelData\":{{\"tenant\":{{\"id\":\"{Tenant}\"}},\"team\":{{\"id\":\"19:team@thread.tacv2\"}},\"channel\":{{\"id\":\"19:launch@thread.tacv2\"}}}},"
        + rest + "}")!;

    /// <summary>A flow that does not answer until the test releases it (a database or a model call that stalls).</summary>
    private protected sealed class StallingFlow : IFlow
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Id => "stall";

        public IReadOnlyList<string> Commands { get; } = ["stall"];

        public Localized Help { get; } = new("`stall` — test", "`stall` —— 测试");

        public void Release() => _gate.TrySetResult();

        public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            return [new Reply([new TextBlock("Stalled command done")], "Stalled command done", ReplyVisibility.Channel)];
        }

        public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            return context.Notice(new Localized("Pressed {0}", "已按下 {0}"), Markup.Escape(action.Value));
        }
    }
}

/// <summary>
/// An activity is answered within the response budget even when its handling stalls: an invoke gets a "still working"
/// notice in the person's language, and what the handling produces afterwards arrives through the outbox.
/// </summary>
public sealed class TeamsDeadlineTests : TeamsStallingHost
{
    protected override string Budget => "00:00:01";

    [Theory]
    [InlineData("en-US", "This is taking longer than Teams waits", "Pressed 7")]
    [InlineData("zh-CN", "处理时间超过了 Teams 的等待时限", "已按下 7")]
    public async Task A_card_press_whose_flow_stalls_is_answered_in_time_and_its_answer_arrives_through_the_outbox(string locale, string notice, string answerText)
    {
        var press = Activity("invoke", locale, """
            "name":"adaptiveCard/action","replyToId":"1764400000003",
            "value":{"action":{"type":"Action.Execute","verb":"stall.press","data":{"gtmAction":"stall.press","gtmValue":"7"}},"trigger":"manual"}
            """);

        var (status, body) = await PostAsync(press);

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Contains(notice, (string?)answer["value"], StringComparison.Ordinal);
        Assert.Empty(Fake.ConnectorCalls("POST"));

        // The flow finishes after the answer has gone: its answer to the press is posted into the conversation.
        Flow.Release();
        var posted = await Fake.WaitForAsync(c => c.Method == "POST" && (string?)c.Body?["summary"] == answerText);
        Assert.Single(posted);
    }

    [Theory]
    [InlineData("en-US", "The dialog could not open in time. Please try again.")]
    [InlineData("zh-CN", "对话框未能及时打开，请重试。")]
    public void A_dialog_that_cannot_open_in_time_says_so_and_asks_to_try_again(string locale, string expected)
    {
        var fetch = new GtmBot.Teams.Protocol.Activity { Type = "invoke", Name = "composeExtension/fetchTask", Locale = locale };
        var answer = TeamsActivityHandler.LateAnswer(fetch);
        Assert.Equal(200, answer.Status);
        var task = System.Text.Json.JsonSerializer.SerializeToNode(answer.Body, answer.Body!.GetType(), GtmBot.Teams.Protocol.TeamsJson.Default)!["task"]!;
        Assert.Equal("message", (string?)task["type"]);
        Assert.Equal(expected, (string?)task["value"]);
        Assert.Equal(200, TeamsActivityHandler.LateAnswer(fetch with { Type = "message", Name = null }).Status);
        Assert.Null(TeamsActivityHandler.LateAnswer(fetch with { Type = "message", Name = null }).Body);
    }

    [Fact]
    public async Task A_command_whose_flow_stalls_gets_its_200_and_its_reply_later()
    {
        var (status, _) = await PostAsync(Activity("message", "en-US", """
            "text":"<at>GtmBot</at> stall","entities":[{"type":"mention","mentioned":{"id":"BOT","name":"GtmBot"},"text":"<at>GtmBot</at>"}]
            """.Replace("BOT", Bot, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, status);
        Flow.Release();
        var posted = await Fake.WaitForAsync(c => c.Method == "POST" && c.Body?.ToJsonString().Contains("Stalled command done", StringComparison.Ordinal) == true);
        Assert.Single(posted);
    }
}

/// <summary>
/// The bot's own token cannot be had in time (the token endpoint stalls past its client's timeout): the reply goes to the
/// outbox and the activity is answered 200, well inside a budget that does not step in.
/// </summary>
public sealed class TeamsTokenTimeoutTests : TeamsStallingHost
{
    protected override string Budget => "00:00:14";

    [Fact]
    public async Task A_token_endpoint_that_times_out_queues_the_reply_instead_of_failing_the_activity()
    {
        Flow.Release();
        Fake.TokenStall = TimeSpan.FromSeconds(3);
        var (status, _) = await PostAsync(Activity("message", "en-US", """
            "text":"<at>GtmBot</at> stall","entities":[{"type":"mention","mentioned":{"id":"BOT","name":"GtmBot"},"text":"<at>GtmBot</at>"}]
            """.Replace("BOT", Bot, StringComparison.Ordinal)));

        // Before, the token client's timeout escaped as a TaskCanceledException and the activity was answered 500.
        Assert.Equal(HttpStatusCode.OK, status);
        Fake.TokenStall = TimeSpan.Zero;
        var posted = await Fake.WaitForAsync(c => c.Method == "POST" && c.Body?.ToJsonString().Contains("Stalled command done", StringComparison.Ordinal) == true);
        Assert.Single(posted);
    }
}

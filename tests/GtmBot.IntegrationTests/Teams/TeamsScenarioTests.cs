using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>Signed activities through the real host; the fake Bot Connector records every reply and update.</summary>
public sealed class TeamsScenarioTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;
    private GtmHostFactory _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        _host = new GtmHostFactory(_fake.HostSettings());
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private JsonObject ChannelMessage(string text)
    {
        var a = TeamsActivities.Load("14-playground-message-channel.json", _fake.ServiceUrl);
        a["text"] = $"<at>Test Bot</at> {text}";
        return a;
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string CardText(ConnectorCall call) => call.Body!["attachments"]![0]!["content"]!.ToJsonString(Readable);

    [Fact]
    public async Task Mention_help_in_a_channel_replies_in_the_thread_with_a_card()
    {
        var activity = ChannelMessage("help");
        var (status, _) = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(_fake.ConnectorCalls("POST"));
        Assert.Equal($"/v3/conversations/team-id;messageid=1795425620758/activities/{activity["id"]}", reply.Path);
        Assert.Equal("Bearer fake-bot-token", reply.Authorization);
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("GtmBot", CardText(reply), StringComparison.Ordinal);
        Assert.Equal("1.5", reply.Body["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chinese_locale_gets_chinese_help()
    {
        var activity = ChannelMessage("帮助");
        activity["locale"] = "zh-CN";
        await PostAsync(activity);
        Assert.Contains("有章法地", CardText(Assert.Single(_fake.ConnectorCalls("POST"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_activity_is_handled_once()
    {
        var activity = ChannelMessage("help");
        await PostAsync(activity);
        var (status, _) = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(_fake.ConnectorCalls("POST"));
    }

    [Fact]
    public async Task Bot_added_to_a_team_welcomes_once_and_remembers_the_channel()
    {
        var (status, _) = await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        await PostAsync(TeamsActivities.Load("20-playground-installationUpdate.json", _fake.ServiceUrl));

        var welcome = Assert.Single(_fake.ConnectorCalls("POST"));
        Assert.Equal("/v3/conversations/team-id/activities", welcome.Path);
        Assert.Contains("GtmBot", CardText(welcome), StringComparison.Ordinal);

        var store = _host.Services.GetRequiredService<IConversationReferenceStore>();
        var reference = await store.GetAsync(new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id"), CancellationToken.None);
        Assert.Contains(_fake.ServiceUrl, reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_action_fetch_task_opens_a_dialog_with_the_customer_field()
    {
        var activity = TeamsActivities.Load("17-playground-invoke-composeExtension-fetchTask.json", _fake.ServiceUrl);
        activity["value"]!["commandId"] = "tagCustomerQuote";
        var (status, body) = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, status);
        var task = JsonNode.Parse(body)!["task"]!;
        Assert.Equal("continue", task["type"]!.GetValue<string>());
        var card = task["value"]!["card"]!["content"]!.ToJsonString();
        Assert.Contains("\"id\":\"customer\"", card, StringComparison.Ordinal);
        Assert.Contains("Action.Submit", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_task_of_another_command_is_answered_with_a_message()
    {
        var (status, body) = await PostAsync(TeamsActivities.Load("17-playground-invoke-composeExtension-fetchTask.json", _fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("message", JsonNode.Parse(body)!["task"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_action_submit_answers_the_dialog()
    {
        var (status, body) = await PostAsync(TeamsActivities.Load("18-playground-invoke-composeExtension-submitAction.json", _fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("message", JsonNode.Parse(body)!["task"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Card_action_of_an_unknown_verb_answers_the_invoke_with_a_message()
    {
        var (status, body) = await PostAsync(TeamsActivities.Load("15-playground-invoke-adaptiveCard-action.json", _fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        var response = JsonNode.Parse(body)!;
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_invoke_is_answered_not_implemented()
    {
        var activity = TeamsActivities.Load("15-playground-invoke-adaptiveCard-action.json", _fake.ServiceUrl);
        activity["name"] = "task/fetch";
        var (status, _) = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.NotImplemented, status);
    }

    [Fact]
    public async Task Artefact_is_posted_as_a_new_thread_then_updated_in_place()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        var channel = new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id");
        var v1 = new Reply([new HeaderBlock("Canvas"), new TextBlock("v1")], "Canvas", Placement: ReplyPlacement.Artefact, ArtefactKey: "canvas:default");
        var v2 = v1 with { Blocks = [new HeaderBlock("Canvas"), new TextBlock("v2")] };

        var id = await messenger.DeliverAsync(channel, v1, null, CancellationToken.None);
        var again = await messenger.DeliverAsync(channel, v2, id, CancellationToken.None);

        Assert.Equal(id, again);
        var create = Assert.Single(_fake.ConnectorCalls("POST"), c => c.Path == "/v3/conversations");
        Assert.Equal("team-id", create.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Contains("v1", create.Body["activity"]!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        var update = Assert.Single(_fake.ConnectorCalls("PUT"));
        Assert.Equal($"/v3/conversations/team-id;messageid={id}/activities/{id}", update.Path);
        Assert.Contains("v2", update.Body!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_the_connector_refused_is_delivered_later_through_the_outbox()
    {
        var activity = ChannelMessage("help");
        _fake.NextStatuses.Enqueue(503);
        var (status, _) = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, status);

        var calls = await _fake.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith("/v3/conversations/", StringComparison.Ordinal), count: 2);
        Assert.Equal(calls[0].Body!["attachments"]![0]!["content"]!.ToJsonString(), calls[1].Body!["attachments"]![0]!["content"]!.ToJsonString());
        var counts = await _host.Services.GetRequiredService<IDeliveryStatus>().CountAsync(null, CancellationToken.None);
        Assert.Equal(0, counts.Dead);
    }

    [Fact]
    public async Task A_post_accepted_without_an_activity_id_counts_as_delivered_and_is_not_posted_again()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        var thread = new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id", "1795425620758");
        _fake.Calls.Clear();
        _fake.NextStatuses.Enqueue(200);

        var id = await messenger.DeliverAsync(thread, Reply.Notice("hi"), null, new OutboxDelivery(1, TimeProvider.System.GetUtcNow(), false), CancellationToken.None);

        Assert.Equal("accepted-without-id", id);
        Assert.Single(_fake.ConnectorCalls("POST"));
    }

    [Fact]
    public async Task An_unsure_post_is_not_sent_again_on_teams_at_most_once()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        _fake.Calls.Clear();

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(
            new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id"), Reply.Notice("hi"), null, new OutboxDelivery(1, TimeProvider.System.GetUtcNow(), true), CancellationToken.None));

        Assert.True(ex.Permanent);
        Assert.True(ex.Ambiguous);
        Assert.Empty(_fake.ConnectorCalls("POST"));
    }

    [Fact]
    public async Task Removed_bot_is_a_permanent_conversation_gone()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        _fake.NextStatuses.Enqueue(403);
        var ex = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(
            new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id"), Reply.Notice("hi"), null, CancellationToken.None));
        Assert.True(ex.Permanent);
        Assert.True(ex.ConversationGone);
    }

    [Fact]
    public async Task Update_of_a_deleted_message_says_message_gone()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        _fake.NextStatuses.Enqueue(404);
        var ex = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(
            new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id"), Reply.Notice("hi"), "12345", CancellationToken.None));
        Assert.True(ex.MessageGone);
        Assert.False(ex.Permanent);
    }

    [Fact]
    public async Task Throttling_is_retried_then_handed_back_with_retry_after()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        _fake.Calls.Clear();
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        for (var i = 0; i < 3; i++)
        {
            _fake.NextStatuses.Enqueue(429);
        }

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(
            new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id", "777"), Reply.Notice("hi"), null, CancellationToken.None));
        Assert.False(ex.Permanent);
        Assert.NotNull(ex.RetryAfter);
        Assert.Equal(3, _fake.Calls.Count);
    }

    [Fact]
    public async Task Server_error_on_a_post_is_not_blindly_resent()
    {
        await PostAsync(TeamsActivities.Load("19-playground-conversationUpdate-teamMemberAdded.json", _fake.ServiceUrl));
        _fake.Calls.Clear();
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        _fake.NextStatuses.Enqueue(502);
        var ex = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(
            new ConversationKey("teams", "00000000-0000-0000-0000-0000000000001", "team-id", "777"), Reply.Notice("hi"), null, CancellationToken.None));
        Assert.False(ex.Permanent);
        Assert.Single(_fake.Calls);
    }

    [Fact]
    public async Task Bot_token_is_fetched_once_and_cached()
    {
        await PostAsync(ChannelMessage("help"));
        await PostAsync(ChannelMessage("help"));
        Assert.Equal(2, _fake.ConnectorCalls("POST").Count);
        Assert.Equal(1, _fake.TokenRequests);
    }

    [Fact]
    public async Task Unknown_conversation_cannot_be_delivered_to()
    {
        var messenger = _host.Services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "teams");
        var ex = await Assert.ThrowsAsync<DeliveryException>(() => messenger.DeliverAsync(
            new ConversationKey("teams", "t", "nowhere"), Reply.Notice("hi"), null, CancellationToken.None));
        Assert.True(ex.ConversationGone);
    }

}

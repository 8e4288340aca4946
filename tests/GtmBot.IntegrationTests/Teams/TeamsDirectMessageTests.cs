using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>
/// Direct messages through the real host's outbox to the loopback Bot Connector: the 1:1 chat is created
/// (<c>POST /v3/conversations</c>, <c>isGroup:false</c>) for the person quotes name by their Entra object id, then one activity
/// is posted into it; refusals are dead-lettered with the connector's answer after one attempt.
/// </summary>
public sealed class TeamsDirectMessageTests : IAsyncLifetime
{
    private const string Tenant = "tenant-dm-1";
    private const string Bot = "28:gtmbot-app";
    private const string Channel = "19:sales@thread.tacv2";

    private FakeBotFramework _fake = null!;
    private GtmHostFactory _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        var settings = _fake.HostSettings();
        settings["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050";
        settings["GtmBot:Delivery:RetryBaseDelay"] = "00:00:00.100";
        settings["GtmBot:Delivery:RetryMaxDelay"] = "00:00:01";
        _host = new GtmHostFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    /// <summary>A message the person wrote (no @mention: only remembered), in the team channel or in their personal chat.</summary>
    private async Task SeenAsync(string teamsUserId, string aadObjectId, string? personalChat = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = "see you at the review",
            ["serviceUrl"] = _fake.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = teamsUserId, ["name"] = "Ana Li", ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "GtmBot" },
            ["conversation"] = personalChat is null
                ? new JsonObject { ["id"] = Channel + ";messageid=1700000000001", ["conversationType"] = "channel", ["tenantId"] = Tenant, ["isGroup"] = true }
                : new JsonObject { ["id"] = personalChat, ["conversationType"] = "personal", ["tenantId"] = Tenant },
            ["channelData"] = personalChat is null
                ? new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" }, ["channel"] = new JsonObject { ["id"] = Channel } }
                : new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static OutboundMessage Dm(string user, string text, string key) =>
        new(ConversationKey.Direct(Platforms.Teams, Tenant, user), new Reply([new TextBlock(text)], text), key);

    private Task EnqueueAsync(OutboundMessage message) =>
        _host.Services.GetRequiredService<IOutbox>().EnqueueAsync(message, CancellationToken.None);

    private async Task<MessageDelivery> SettledAsync(OutboundMessage message, int timeoutMs = 30_000)
    {
        var status = _host.Services.GetRequiredService<IDeliveryStatus>();
        var deadline = Environment.TickCount64 + timeoutMs;
        MessageDelivery? state;
        while ((state = await status.StateAsync(message.Conversation, message.IdempotencyKey!, CancellationToken.None)) is null or { State: DeliveryState.Pending }
            && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(state);
        return state;
    }

    private IReadOnlyList<ConnectorCall> Creates => [.. _fake.ConnectorCalls("POST").Where(c => c.Path == "/v3/conversations")];

    private IReadOnlyList<ConnectorCall> PostsTo(string chat) => [.. _fake.ConnectorCalls("POST").Where(c => c.Path == $"/v3/conversations/{chat}/activities")];

    [Fact]
    public async Task A_direct_message_to_a_quotes_author_creates_the_1_1_chat_with_their_teams_id_and_posts_once()
    {
        await SeenAsync("29:1ana", "aad-ana");
        var dm = Dm("aad-ana", "Planned for Q3: scheduled backup — your quotes from Acme", "need:1:planned:aad-ana");
        await EnqueueAsync(dm);

        var state = await SettledAsync(dm);

        Assert.Equal(DeliveryState.Delivered, state.State);
        var create = Assert.Single(Creates);
        Assert.False(create.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:1ana", create.Body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Tenant, create.Body["tenantId"]!.GetValue<string>());
        Assert.Equal(Bot, create.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("Bearer fake-bot-token", create.Authorization);
        var post = Assert.Single(PostsTo(FakeBotFramework.PersonalChatOf("29:1ana")));
        Assert.Contains("scheduled backup", post.Body!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, _fake.ConnectorCalls("POST").Count);
    }

    [Fact]
    public async Task The_created_chat_is_remembered_so_the_next_message_only_posts()
    {
        await SeenAsync("29:1ana", "aad-ana");
        var first = Dm("aad-ana", "first", "a");
        var second = Dm("aad-ana", "second", "b");
        await EnqueueAsync(first);
        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(first)).State);
        await EnqueueAsync(second);
        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(second)).State);

        Assert.Single(Creates);
        Assert.Equal(2, PostsTo(FakeBotFramework.PersonalChatOf("29:1ana")).Count);
    }

    [Fact]
    public async Task A_person_who_wrote_in_their_personal_chat_gets_the_message_there_without_creating_one()
    {
        await SeenAsync("29:1ana", "aad-ana", personalChat: "a:existing-personal-chat");
        var dm = Dm("aad-ana", "Shipped: CSV export", "need:2:shipped:aad-ana");
        await EnqueueAsync(dm);

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(dm)).State);
        Assert.Empty(Creates);
        Assert.Single(PostsTo("a:existing-personal-chat"));
    }

    [Fact]
    public async Task A_person_never_seen_is_addressed_by_the_id_given_through_a_conversation_of_the_tenant()
    {
        await SeenAsync("29:1ana", "aad-ana");
        var dm = Dm("aad-bob", "Under review: offline mode", "need:3:review:aad-bob");
        await EnqueueAsync(dm);

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(dm)).State);
        var create = Assert.Single(Creates);
        Assert.Equal("aad-bob", create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Single(PostsTo(FakeBotFramework.PersonalChatOf("aad-bob")));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_refused_direct_message_is_dead_lettered_with_the_connectors_answer_after_one_attempt(int status)
    {
        await SeenAsync("29:1gone", "aad-gone");
        _fake.RefusedMembers["29:1gone"] = status;
        var dm = Dm("aad-gone", "Won't do: SSO for contractors", "need:4:wontdo:aad-gone");
        await EnqueueAsync(dm);

        var state = await SettledAsync(dm);
        await Task.Delay(700); // several poll rounds: a retry would show as a second create

        Assert.Equal(DeliveryState.Dead, state.State);
        Assert.Equal(1, state.Attempts);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), state.LastError, StringComparison.Ordinal);
        Assert.Single(Creates);
        Assert.Single(_fake.ConnectorCalls("POST")); // no activity, and no alert posted anywhere
    }

    [Fact]
    public async Task A_tenant_the_bot_was_never_installed_in_is_a_permanent_failure_that_says_so()
    {
        var dm = Dm("aad-ana", "hello", "need:5:planned:aad-ana");
        await EnqueueAsync(dm);

        var state = await SettledAsync(dm);

        Assert.Equal(DeliveryState.Dead, state.State);
        Assert.Equal(1, state.Attempts);
        Assert.Contains("install the app", state.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Calls, c => c.Path.StartsWith("/v3/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_outage_of_the_connector_is_retried_and_the_message_then_delivered_once()
    {
        await SeenAsync("29:1ana", "aad-ana");
        for (var i = 0; i < 4; i++)
        {
            _fake.NextStatuses.Enqueue(503);
        }

        var dm = Dm("aad-ana", "In progress: audit log", "need:6:inprogress:aad-ana");
        await EnqueueAsync(dm);

        var state = await SettledAsync(dm);

        Assert.Equal(DeliveryState.Delivered, state.State);
        Assert.True(state.Attempts >= 1, "the outage counted as a failed attempt");
        Assert.Empty(_fake.NextStatuses);
        Assert.Equal(5, Creates.Count); // 3 inline tries, then the outbox's next attempt: 1 more refused, 1 answered
        Assert.Single(PostsTo(FakeBotFramework.PersonalChatOf("29:1ana")));
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_delivers_once()
    {
        await SeenAsync("29:1ana", "aad-ana");
        var dm = Dm("aad-ana", "Planned: bulk edit", "need:7:planned:aad-ana");
        await EnqueueAsync(dm);
        await EnqueueAsync(dm with { Reply = new Reply([new TextBlock("again")], "again") });

        Assert.Equal(DeliveryState.Delivered, (await SettledAsync(dm)).State);
        await Task.Delay(500);

        Assert.Single(PostsTo(FakeBotFramework.PersonalChatOf("29:1ana")));
    }
}

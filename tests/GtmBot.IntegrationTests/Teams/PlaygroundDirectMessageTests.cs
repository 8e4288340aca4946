using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>
/// A direct message through the real host's outbox to the real Microsoft 365 Agents Playground (telemetry off, loopback):
/// the person @mentions the bot in the team's channel, then a message to them is enqueued; the Playground's connector creates
/// (finds) their personal chat for <c>POST /v3/conversations</c> with <c>isGroup:false</c>, and the card arrives there once.
/// </summary>
public sealed class PlaygroundDirectMessageTests : IAsyncLifetime
{
    private readonly GtmHostFactory _host = new(new Dictionary<string, string?>
    {
        ["GtmBot:Teams:DangerouslyAllowUnauthenticatedLoopback"] = "true",
        ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.100",
    });

    private Playground? _playground;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        await _host.DisposeAsync();
    }

    private IReadOnlyList<JsonNode> BotMessagesIn(string conversation, string containing) =>
        [.. _playground!.Frames.Where(f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == conversation
            && f["message"]?["attachments"]?.ToJsonString().Contains(containing, StringComparison.Ordinal) == true)];

    [Fact]
    public async Task A_direct_message_arrives_once_in_the_persons_personal_chat_in_the_playground()
    {
        var nodeModules = TestEnvironment.E2eNodeModules(TeamsManifestTests.RepoRoot());
        _host.UseKestrel(0);
        _host.StartServer();
        _playground = await Playground.StartAsync(nodeModules, _host.ClientOptions.BaseAddress, "personal-dm-e2e");
        var personal = _playground.PersonalChat;

        // The person speaks in the channel first: the bot learns the tenant, the service URL and their Teams user id.
        await _playground.MentionAsync(_playground.General, "help");
        var person = ConversationKey.Direct(Platforms.Teams, _playground.Tenant, (string)_playground.Me["aadObjectId"]!);
        var references = _host.Services.GetRequiredService<IConversationReferenceStore>();
        await Playground.EventuallyAsync(() => references.GetAsync(person, CancellationToken.None), "the person's reference");

        var dm = new OutboundMessage(person, new Reply([new TextBlock("Planned for Q3: scheduled backup — your quotes from Acme")], "Planned for Q3: scheduled backup"), "need:1:planned:" + person.DirectUser);
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(dm, CancellationToken.None);
        await outbox.EnqueueAsync(dm, CancellationToken.None);
        var status = _host.Services.GetRequiredService<IDeliveryStatus>();
        var state = await Playground.EventuallyAsync(
            async () => await status.StateAsync(person, dm.IdempotencyKey!, CancellationToken.None) is { State: not DeliveryState.Pending } s ? s : null,
            "the delivery");

        Assert.True(state.State == DeliveryState.Delivered, state.LastError);
        // The chat the Playground's connector created (found) for the person is remembered for the next message.
        Assert.Contains($"\"conversationId\":\"{personal}\"", await references.GetAsync(person, CancellationToken.None), StringComparison.Ordinal);
        await Playground.EventuallyAsync(() => BotMessagesIn(personal, "scheduled backup") is { Count: > 0 } m ? m : null, "the card in the personal chat");
        await Task.Delay(1000);
        Assert.Single(BotMessagesIn(personal, "scheduled backup"));
        Assert.DoesNotContain(_playground.Frames, f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] != personal
            && f["message"]?["attachments"]?.ToJsonString().Contains("scheduled backup", StringComparison.Ordinal) == true);
    }
}

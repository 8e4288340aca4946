using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Slack;
using GtmBot.Slack.Api;
using GtmBot.Slack.Inbound;
using GtmBot.Slack.SocketMode;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Slack;

/// <summary>Every file in the shared Slack fixtures is read and handled: parsed and routed, or answered as the docs say.</summary>
public sealed class SlackFixtureTests
{
    private static readonly TurnUser User = new("U1");

    public static TheoryData<string> Fixtures() => [.. SlackFixtures.All()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Fixture_is_handled(string name)
    {
        _ = SharedFolder.Require("fixtures", "slack");
        var prefix = name.Split('.')[0];
        switch (prefix)
        {
            case "slash_command":
                SlashCommandIsMapped(name);
                break;
            case "block_actions" or "view_submission" or "view_closed" or "message_action" or "shortcut":
                InteractionIsMapped(name);
                break;
            case "event_callback" or "url_verification":
                EventIsMapped(name);
                break;
            case "socket":
                SocketFrameIsHandled(name);
                break;
            case "signing":
                var v = JsonDocument.Parse(SlackFixtures.Text(name)).RootElement;
                var ts = v.GetProperty("x_slack_request_timestamp").GetString()!;
                Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(v.GetProperty("signing_secret").GetString()!, ts, Encoding.UTF8.GetBytes(v.GetProperty("raw_body").GetString()!), v.GetProperty("expected_x_slack_signature").GetString(), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(ts)))));
                break;
            default:
                await WebApiResponseIsHandled(name);
                break;
        }
    }

    private static void SlashCommandIsMapped(string name)
    {
        var inbound = Assert.IsType<SlashInbound>(SlackHttpEndpoint.Parse("application/x-www-form-urlencoded", SlackFixtures.Bytes(name), StringValues.Empty));
        var turn = SlackTurnMapper.FromSlash(inbound.Command, User, null);
        Assert.Equal(Platforms.Slack, turn.Conversation.Platform);
        Assert.Equal(inbound.Command.TeamId, turn.Conversation.Workspace);
        Assert.Equal(inbound.Command.ChannelId, turn.Conversation.Channel);
        Assert.Equal(inbound.Command.Text ?? string.Empty, Assert.IsType<CommandInput>(turn.Input).Text);
    }

    private static InteractionPayload ParseInteraction(string name)
    {
        var form = "payload=" + Uri.EscapeDataString(SlackFixtures.Text(name));
        return Assert.IsType<InteractionInbound>(SlackHttpEndpoint.Parse("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(form), StringValues.Empty)).Payload;
    }

    private static void InteractionIsMapped(string name)
    {
        var p = ParseInteraction(name);
        Assert.Equal(name.Split('.')[0], p.Type);
        switch (p.Type)
        {
            case "block_actions" when p.Container?.Type == "view":
                // A Home tab view we did not open: acknowledged, nothing to map.
                Assert.Null(SlackTurnMapper.ReadMetadata(p.View?.PrivateMetadata));
                break;
            case "block_actions":
                var action = p.Actions![0]!;
                var turn = SlackTurnMapper.FromBlockAction(p, action, null, User, null)!;
                Assert.Equal(action.ActionId, Assert.IsType<ActionInput>(turn.Input).ActionId);
                Assert.Equal(p.Container?.ChannelId ?? p.Channel?.Id, turn.Conversation.Channel);
                Assert.Equal(p.Container?.ThreadTs, turn.Conversation.Thread);
                break;
            case "view_submission":
                var values = SlackTurnMapper.FormValues(p.View!.State);
                if (name == "view_submission.rating_modal.json")
                {
                    Assert.Equal("3", values["rating"]);
                    Assert.Equal("2019-09-23", values["date-of-visit"]);
                    Assert.Equal("Just amazing!", values["comment"]);
                }

                var submitted = SlackTurnMapper.FromViewSubmission(p, new ModalMetadata("v1", "C9"), User, null);
                Assert.Equal(p.View.CallbackId, ((ActionInput)submitted.Input).ActionId);
                Assert.Equal("v1", ((ActionInput)submitted.Input).Value);
                break;
            case "message_action":
                var quote = SlackTurnMapper.FromQuoteShortcut(p, "https://x.slack.com/archives/C/p1", User, null);
                var input = Assert.IsType<ActionInput>(quote.Input);
                Assert.Equal(QuoteCapture.ActionId, input.ActionId);
                Assert.Equal(SlackText_Unescape(p.Message!.Text!), input.Field(QuoteCapture.Text));
                Assert.Equal(p.Message.Ts, input.Field(QuoteCapture.MessageId));
                Assert.Equal("shortcut", input.Field(QuoteCapture.Source));
                break;
            default:
                Assert.NotNull(p.User?.Id);
                break;
        }
    }

    private static string SlackText_Unescape(string s) => s.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    private static void EventIsMapped(string name)
    {
        var e = Assert.IsType<EventInbound>(SlackHttpEndpoint.Parse("application/json", SlackFixtures.Bytes(name), new StringValues("1"))).Envelope;
        if (e.Type == "url_verification")
        {
            Assert.False(string.IsNullOrEmpty(e.Challenge));
            return;
        }

        Assert.Equal("event_callback", e.Type);
        Assert.False(string.IsNullOrEmpty(e.EventId));
        switch (e.Event!.Type)
        {
            case "app_mention":
                var turn = SlackTurnMapper.FromMention(e.TeamId!, e.Event, User, null);
                Assert.DoesNotContain("<@", ((CommandInput)turn.Input).Text, StringComparison.Ordinal);
                Assert.Equal(e.Event.Ts, turn.Conversation.Thread);
                break;
            case "reaction_added":
                Assert.Equal("message", e.Event.Item!.Type);
                Assert.NotNull(e.Event.Item.Ts);
                break;
            default:
                Assert.NotNull(e.Event.Type);
                break;
        }
    }

    private static void SocketFrameIsHandled(string name)
    {
        foreach (var line in name.EndsWith(".jsonl", StringComparison.Ordinal) ? SlackFixtures.Lines(name) : [SlackFixtures.Text(name)])
        {
            if (name.StartsWith("socket.ack", StringComparison.Ordinal))
            {
                // What we send back has the same shape: envelope_id, and optionally the payload the HTTP body would carry.
                var ack = JsonNode.Parse(line)!.AsObject();
                Assert.NotNull(ack["envelope_id"]);
                Assert.All(ack.Select(kv => kv.Key), k => Assert.Contains(k, new[] { "envelope_id", "payload" }));
                continue;
            }

            var frame = JsonSerializer.Deserialize(line, SlackJson.Default.SocketFrame)!;
            switch (frame.Type)
            {
                case "hello":
                    Assert.True(frame.NumConnections > 0);
                    break;
                case "disconnect":
                    Assert.Contains(frame.Reason, new[] { "warning", "refresh_requested", "link_disabled", "too_many_websockets" });
                    break;
                default:
                    Assert.False(string.IsNullOrEmpty(frame.EnvelopeId));
                    var inbound = SocketModeService.ToInbound(frame);
                    Assert.NotNull(inbound);
                    Assert.Equal(frame.Type switch { "events_api" => typeof(EventInbound), "interactive" => typeof(InteractionInbound), _ => typeof(SlashInbound) }, inbound.GetType());
                    break;
            }
        }
    }

    private static async Task WebApiResponseIsHandled(string name)
    {
        var token = "xoxb-test";
        var ct = TestContext.Current.CancellationToken;
        switch (name)
        {
            case "apps.connections.open.ok.docs.json":
                Assert.Equal("wss://wss.slack.com/link/?ticket=1234-5678", (await new FakeHttpHandler().Respond(SlackFixtures.Text(name)).Client().OpenConnectionAsync("xapp-1", ct)).ToString());
                break;
            case "chat.postMessage.ok.docs.json":
                Assert.Equal("1503435956.000247", await new FakeHttpHandler().Respond(SlackFixtures.Text(name)).Client().PostMessageAsync(token, "C1", new KitMessage("hi", []), null, ct));
                break;
            case "conversations.history.single_message.docs.json":
                var message = await new FakeHttpHandler().Respond(SlackFixtures.Text(name)).Client().GetMessageAsync(token, "C1", "1512085950.000216", ct);
                Assert.Equal("U123ABC456", message!.User);
                break;
            case "views.open.ok.docs.json":
                Assert.NotNull(await new FakeHttpHandler().Respond(SlackFixtures.Text(name)).Client().OpenViewAsync(token, "t", new KitView(TextObject.Plain("x"), null, null, [], null, null), ct));
                break;
            case "oauth.v2.access.ok.docs.json":
                var access = await new FakeHttpHandler().Respond(SlackFixtures.Text(name)).Client().OAuthAccessAsync("id", "secret", "code", null, ct);
                Assert.StartsWith("xoxb-", access.GetProperty("access_token").GetString(), StringComparison.Ordinal);
                break;
            case "canvases.ok.docs.jsonl":
                foreach (var line in SlackFixtures.Lines(name))
                {
                    var w = JsonDocument.Parse(line).RootElement;
                    var result = await new FakeHttpHandler().Respond(w.GetProperty("body").GetRawText()).Client().CallAsync(w.GetProperty("method").GetString()!, token, new JsonObject(), true, ct);
                    Assert.True(result.GetProperty("ok").GetBoolean());
                }

                break;
            case "web_api.error_envelopes.docs.jsonl":
                foreach (var line in SlackFixtures.Lines(name))
                {
                    var w = JsonDocument.Parse(line).RootElement;
                    var e = await Assert.ThrowsAsync<SlackApiException>(() => new FakeHttpHandler().Respond(w.GetProperty("body").GetRawText()).Client().CallAsync(w.GetProperty("method").GetString()!, token, new JsonObject(), true, ct));
                    Assert.Equal(w.GetProperty("body").GetProperty("error").GetString(), e.Error);
                }

                break;
            case "web_api.ratelimited.429.http":
                // Retry-After honoured, then the call succeeds.
                var handler = new FakeHttpHandler().RespondRaw(SlackFixtures.Text(name)).Respond("""{"ok":true,"ts":"1.2"}""");
                Assert.Equal("1.2", await handler.Client().PostMessageAsync(token, "C1", new KitMessage("hi", []), null, ct));
                Assert.Equal(2, handler.Requests.Count);
                break;
            default:
                Assert.Fail($"Fixture {name} has no handling test: add one.");
                break;
        }
    }
}

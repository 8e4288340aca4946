using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Storage;
using GtmBot.Storage.Installations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>Signed requests through the real host's <c>/slack/events</c>, against a loopback fake Slack that records every call.</summary>
public sealed class SlackEndpointTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(SlackHost.Fixtures, name));

    private static JsonObject FixtureJson(string name) => JsonNode.Parse(Fixture(name))!.AsObject();

    [Fact]
    public async Task Slash_help_is_answered_in_the_acknowledgement()
    {
        await using var host = await SlackHost.StartAsync();
        var response = await host.PostSlashAsync("help");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Equal("header", (string?)body["blocks"]![0]!["type"]);
        Assert.Contains("/gtm", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slash_command_text_becomes_the_command_of_the_turn()
    {
        await using var host = await SlackHost.StartAsync();
        var response = await host.PostSlashAsync("quote hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(host.Flow.Turns);
        Assert.Equal(new ConversationKey("slack", "T1", "C1"), turn.Conversation);
        Assert.Equal("quote hello", Assert.IsType<CommandInput>(turn.Input).Text);
        Assert.Equal("Ana", turn.User.DisplayName);
        Assert.Equal("Asia/Shanghai", turn.User.TimeZone);
        Assert.Equal("en-US", turn.Locale);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("in_channel", (string?)body["response_type"]);
        Assert.Equal("quote.replace", (string?)body["blocks"]![1]!["elements"]![0]!["action_id"]);
    }

    [Fact]
    public async Task Unsigned_request_is_rejected()
    {
        await using var host = await SlackHost.StartAsync();
        var response = await host.Client.PostAsync("/slack/events", new StringContent("token=x&command=/gtm", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task Forged_signature_is_rejected()
    {
        await using var host = await SlackHost.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostSignedAsync("team_id=T1&command=/gtm&text=quote", "application/x-www-form-urlencoded", secret: "wrong")).StatusCode);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task Stale_timestamp_is_rejected()
    {
        await using var host = await SlackHost.StartAsync();
        var old = TimeProvider.System.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostSignedAsync("team_id=T1&command=/gtm&text=quote", "application/x-www-form-urlencoded", old)).StatusCode);
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("payload=%7Bbroken", "application/x-www-form-urlencoded")]
    [InlineData("payload=%7B%7D", "application/x-www-form-urlencoded")]
    [InlineData("team_id=T1", "application/x-www-form-urlencoded")]
    [InlineData("<xml/>", "text/xml")]
    public async Task Malformed_signed_body_is_a_bad_request(string body, string contentType)
    {
        await using var host = await SlackHost.StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostSignedAsync(body, contentType)).StatusCode);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        await using var host = await SlackHost.StartAsync();
        var response = await host.PostSignedAsync(Fixture("url_verification.json"), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((string?)FixtureJson("url_verification.json")["challenge"], (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Fact]
    public async Task Every_inbound_fixture_is_acknowledged_through_the_endpoint()
    {
        await using var host = await SlackHost.StartAsync();
        foreach (var file in Directory.EnumerateFiles(SlackHost.Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var prefix = file!.Split('.')[0];
            HttpResponseMessage? response = prefix switch
            {
                "slash_command" => await host.PostSignedAsync(host.Api.Loopback(Fixture(file)), "application/x-www-form-urlencoded"),
                "block_actions" or "view_submission" or "view_closed" or "message_action" or "shortcut" => await host.PostInteractionAsync(host.Api.Loopback(Fixture(file))),
                "event_callback" or "url_verification" => await host.PostSignedAsync(Fixture(file), "application/json"),
                _ => null,
            };
            if (response is not null)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [Fact]
    public async Task Unknown_event_type_is_acknowledged()
    {
        await using var host = await SlackHost.StartAsync();
        var envelope = FixtureJson("event_callback.app_mention.json");
        envelope["event"]!["type"] = "channel_created";
        envelope["event_id"] = "Ev-unknown";
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(envelope.ToJsonString(), "application/json")).StatusCode);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task Button_press_replaces_the_original_message_through_response_url()
    {
        await using var host = await SlackHost.StartAsync();
        var payload = FixtureJson("block_actions.ephemeral_thread_with_state.json");
        payload["actions"]![0]!["action_id"] = "quote.replace";
        payload["actions"]![0]!["value"] = "42";
        payload["response_url"] = host.Api.ResponseUrl("button");
        var response = await host.PostInteractionAsync(payload.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());

        var call = (await host.Api.WaitForAsync("response_url:button"))[0];
        Assert.True((bool)call.Json!["replace_original"]!);
        Assert.Contains("Replaced 42", call.Body, StringComparison.Ordinal);
        var turn = Assert.Single(host.Flow.Turns);
        Assert.Equal("1693635296.000500", turn.SourceMessageId);
        Assert.Equal(new ConversationKey("slack", "T111", "C111", "1693616242.466609"), turn.Conversation);
        Assert.Equal("schedule", ((ActionInput)turn.Input).Form["block_1"]);
    }

    [Fact]
    public async Task Form_opens_as_a_modal_and_its_submit_is_stored()
    {
        await using var host = await SlackHost.StartAsync();
        var slash = await host.PostSlashAsync("quote form", triggerId: "trig-1");
        Assert.Equal(HttpStatusCode.OK, slash.StatusCode);
        var open = Assert.Single(host.Api.Of("views.open"));
        Assert.Equal("trig-1", (string?)open.Json!["trigger_id"]);
        var view = open.Json["view"]!;
        Assert.Equal("quote.save", (string?)view["callback_id"]);
        Assert.Equal("text", (string?)view["blocks"]![0]!["block_id"]);

        var submit = FixtureJson("view_submission.rating_modal.json");
        submit["team"]!["id"] = "T1";
        submit["view"]!["callback_id"] = "quote.save";
        submit["view"]!["private_metadata"] = (string?)view["private_metadata"];
        submit["view"]!["state"] = JsonNode.Parse("""{"values":{"text":{"text":{"type":"plain_text_input","value":"We need SSO before we buy"}}}}""");
        var response = await host.PostInteractionAsync(submit.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync()); // closes the modal

        var turn = host.Flow.Turns.Last();
        var input = Assert.IsType<ActionInput>(turn.Input);
        Assert.Equal("quote.save", input.ActionId);
        Assert.Equal("ctx-1", input.Value);
        Assert.Equal("We need SSO before we buy", input.Field("text"));
        Assert.Equal(new ConversationKey("slack", "T1", "C1"), turn.Conversation);

        // The artefact and the private "Saved" answer are durable in the outbox before the ack.
        var db = host.Factory.Services.GetRequiredService<IGtmDbFactory>();
        await using var ctx = db.Create();
        var rows = await ctx.Set<GtmBot.Storage.Delivery.OutboxEntity>().ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.ArtefactKey == "quotes:board");
        Assert.Single(rows, r => r.ArtefactKey is null && r.ReplyJson.Contains("\"route\":{\"userId\":\"U", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_submit_answers_errors_so_the_user_keeps_the_text()
    {
        await using var host = await SlackHost.StartAsync();
        var submit = FixtureJson("view_submission.rating_modal.json");
        submit["view"]!["callback_id"] = "quote.save";
        submit["view"]!["private_metadata"] = """{"v":"ctx-1","c":"C1"}""";
        submit["view"]!["state"] = JsonNode.Parse("""{"values":{"text":{"text":{"type":"plain_text_input","value":"bad"}}}}""");
        var response = await host.PostInteractionAsync(submit.ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal("Please write the quote.", (string?)body["errors"]!["text"]);
    }

    [Fact]
    public async Task Mention_reply_is_posted_after_a_429_with_retry_after()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: 1);
        var e = FixtureJson("event_callback.app_mention.json");
        e["event"]!["text"] = "<@U123> quote from mention";
        var response = await host.PostSignedAsync(e.ToJsonString(), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = await host.Api.WaitForAsync("chat.postMessage", 2);
        Assert.Equal((string?)e["event"]!["ts"], (string?)posts[1].Json!["thread_ts"]);
        Assert.Equal("Bearer " + SlackHost.BotToken, posts[1].Authorization);
        Assert.Equal("quote from mention", ((CommandInput)Assert.Single(host.Flow.Turns).Input).Text);
    }

    [Fact]
    public async Task Retried_event_is_handled_once()
    {
        await using var host = await SlackHost.StartAsync();
        var e = FixtureJson("event_callback.app_mention.json");
        e["event"]!["text"] = "<@U123> quote once";
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(e.ToJsonString(), "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(e.ToJsonString(), "application/json", retryNum: 1)).StatusCode);
        Assert.Single(host.Flow.Turns);
    }

    [Fact]
    public async Task Quote_shortcut_becomes_a_quote_capture_turn()
    {
        await using var host = await SlackHost.StartAsync();
        var payload = FixtureJson("message_action.docs.json");
        payload["callback_id"] = "tag_customer_quote";
        payload["response_url"] = host.Api.ResponseUrl("shortcut");
        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(payload.ToJsonString())).StatusCode);

        var input = Assert.IsType<ActionInput>(Assert.Single(host.Flow.Turns).Input);
        Assert.Equal(QuoteCapture.ActionId, input.ActionId);
        Assert.Equal("World's smallest big cat! <https://youtube.com/watch?v=W86cTIoMv2U>", input.Field(QuoteCapture.Text));
        Assert.Equal("U0MJRG1AL", input.Field(QuoteCapture.Author));
        Assert.Equal("1516229207.000133", input.Field(QuoteCapture.MessageId));
        Assert.Equal("shortcut", input.Field(QuoteCapture.Source));
        Assert.Equal("https://acme.slack.com/archives/C1/p1512085950000216", input.Field(QuoteCapture.Permalink));
        Assert.Contains("Captured", (await host.Api.WaitForAsync("response_url:shortcut"))[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_reaction_reads_the_message_and_captures_it()
    {
        await using var host = await SlackHost.StartAsync();
        var e = FixtureJson("event_callback.reaction_added.docs.json");
        e["event"]!["reaction"] = "speech_balloon";
        e["event"]!["item"]!["ts"] = "1512085950.000216";
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(e.ToJsonString(), "application/json")).StatusCode);

        await host.Api.WaitForAsync("chat.postEphemeral");
        var history = Assert.Single(host.Api.Of("conversations.history"));
        Assert.Equal("1512085950.000216", history.Form("latest"));
        var input = Assert.IsType<ActionInput>(Assert.Single(host.Flow.Turns).Input);
        Assert.Equal("We would pay for this if it exported to CSV every week", input.Field(QuoteCapture.Text));
        Assert.Equal("reaction", input.Field(QuoteCapture.Source));
        Assert.Equal("U0CUSTOMR", input.Field(QuoteCapture.Author));
    }

    [Fact]
    public async Task Other_reactions_are_ignored()
    {
        await using var host = await SlackHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(Fixture("event_callback.reaction_added.docs.json"), "application/json")).StatusCode);
        await Task.Delay(200);
        Assert.Empty(host.Api.Of("conversations.history"));
    }

    [Fact]
    public async Task Reaction_on_a_message_the_bot_cannot_read_explains_how_to_invite_it()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.Script("conversations.history", 200, """{"ok":false,"error":"not_in_channel"}""");
        var e = FixtureJson("event_callback.reaction_added.docs.json");
        e["event"]!["reaction"] = "speech_balloon";
        await host.PostSignedAsync(e.ToJsonString(), "application/json");

        var ephemeral = (await host.Api.WaitForAsync("chat.postEphemeral"))[0];
        Assert.Equal("U123ABC456", (string?)ephemeral.Json!["user"]);
        Assert.Contains("/invite", ephemeral.Body, StringComparison.Ordinal);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task App_uninstalled_deletes_the_installation()
    {
        await using var host = await SlackHost.StartAsync();
        var store = host.Factory.Services.GetRequiredService<IInstallationStore>();
        await store.SaveAsync(new Installation("slack", "T123", null, false, "v1.x", "UB", "B1", "commands", "U1", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        var e = FixtureJson("event_callback.app_mention.json");
        e["event"] = JsonNode.Parse("""{"type":"app_uninstalled","event_ts":"1.2"}""");
        e["event_id"] = "Ev-uninstall";
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(e.ToJsonString(), "application/json")).StatusCode);
        Assert.Null(await store.FindAsync("slack", "T123", CancellationToken.None));
    }

    [Fact]
    public async Task OAuth_install_stores_the_token_encrypted_and_state_is_single_use()
    {
        await using var host = await SlackHost.StartAsync();
        var install = await host.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var location = install.Headers.Location!.ToString();
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?client_id=111.222", location, StringComparison.Ordinal);
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(location).Query)["state"].ToString();

        var redirect = await host.Client.GetAsync($"/slack/oauth_redirect?code=c1&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.OK, redirect.StatusCode);
        Assert.Equal("c1", Assert.Single(host.Api.Of("oauth.v2.access")).Form("code"));

        var db = host.Factory.Services.GetRequiredService<IGtmDbFactory>();
        await using (var ctx = db.Create())
        {
            var row = await ctx.Set<InstallationEntity>().SingleAsync();
            Assert.Equal("slack:T0GTMTEAM", row.WorkspaceKey);
            Assert.DoesNotContain("xoxb", row.ProtectedToken, StringComparison.Ordinal);
        }

        var resolver = host.Factory.Services.GetRequiredService<GtmBot.Slack.OAuth.SlackAuthResolver>();
        Assert.Equal("xoxb-0000000001-0000000002-fakeInstallTokenGtm", (await resolver.FindAsync("E0GTMGRID", "T0GTMTEAM", CancellationToken.None))!.BotToken);

        var again = await host.Client.GetAsync($"/slack/oauth_redirect?code=c2&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Single(host.Api.Of("oauth.v2.access"));
    }

    [Fact]
    public async Task Forged_oauth_state_is_refused()
    {
        await using var host = await SlackHost.StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/slack/oauth_redirect?code=c1&state=abc.1.def")).StatusCode);
        Assert.Empty(host.Api.Of("oauth.v2.access"));
    }
}

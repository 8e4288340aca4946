using System.Net;
using System.Text.Json.Nodes;
using GtmBot.Engine;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>Correctly signed payloads in shapes Slack never sends: a bad request or a quiet 200, never a 500.</summary>
public sealed class SlackMalformedShapeTests
{
    private static JsonObject BlockActions(JsonArray actions, JsonObject? state = null) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["user"] = new JsonObject { ["id"] = "U1", ["team_id"] = "T1" },
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C1", ["message_ts"] = "1700000000.000001" },
        ["channel"] = new JsonObject { ["id"] = "C1" },
        ["actions"] = actions,
        ["state"] = state,
    };

    private static JsonObject ViewSubmission(string metadata, JsonNode? values) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["user"] = new JsonObject { ["id"] = "U1", ["team_id"] = "T1" },
        ["view"] = new JsonObject
        {
            ["id"] = "V1",
            ["type"] = "modal",
            ["callback_id"] = "quote.save",
            ["private_metadata"] = metadata,
            ["state"] = new JsonObject { ["values"] = values },
        },
    };

    private static async Task<HttpStatusCode> PostAsync(SlackHost host, JsonObject payload) =>
        (await host.PostInteractionAsync(payload.ToJsonString())).StatusCode;

    [Fact]
    public async Task A_form_press_whose_ids_would_overflow_the_modal_metadata_is_refused_not_a_500()
    {
        await using var host = await SlackHost.StartAsync();
        var press = BlockActions(new JsonArray(new JsonObject { ["action_id"] = "slack.form.retry", ["type"] = "button", ["value"] = ActionValue.Join("c", "quote form") }));
        press["trigger_id"] = "1.2.abc";
        press["container"]!["channel_id"] = new string('C', 4000);
        press["channel"]!["id"] = new string('C', 4000);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(host, press));
        Assert.Empty(host.Api.Of("views.open"));
        Assert.Empty(host.Flow.Turns);
    }

    [Theory]
    [InlineData("user_id")]
    [InlineData("channel_id")]
    [InlineData("team_id")]
    public async Task A_slash_command_with_an_id_longer_than_Slack_ever_sends_is_a_bad_request(string field)
    {
        await using var host = await SlackHost.StartAsync();
        var fields = new Dictionary<string, string>
        {
            ["team_id"] = "T1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["command"] = "/gtm",
            ["text"] = "quote Acme: too slow",
            ["api_app_id"] = "A1",
        };
        fields[field] = new string('x', GtmBot.Slack.SlackLimits.MaxIdLength + 1);

        using var response = await host.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task An_event_naming_a_channel_longer_than_Slack_ever_sends_is_a_bad_request()
    {
        await using var host = await SlackHost.StartAsync();
        var envelope = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = "Ev-long",
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U1",
                ["text"] = "<@UBOT> quote Acme: slow",
                ["ts"] = "1700000000.000100",
                ["channel"] = new string('C', GtmBot.Slack.SlackLimits.MaxIdLength + 1),
            },
        };

        using var response = await host.PostSignedAsync(envelope.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task Null_action_is_acknowledged_without_a_turn()
    {
        await using var host = await SlackHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, BlockActions(new JsonArray((JsonNode?)null))));
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task Null_among_real_actions_is_skipped_and_the_real_one_runs()
    {
        await using var host = await SlackHost.StartAsync();
        var actions = new JsonArray(null, new JsonObject { ["action_id"] = "quote.replace", ["type"] = "button", ["value"] = "7" });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, BlockActions(actions)));
        Assert.Equal("7", Assert.IsType<ActionInput>(Assert.Single(host.Flow.Turns).Input).Value);
    }

    [Fact]
    public async Task Null_selected_option_is_skipped()
    {
        await using var host = await SlackHost.StartAsync();
        var select = new JsonObject
        {
            ["action_id"] = "quote.replace",
            ["type"] = "multi_static_select",
            ["selected_options"] = new JsonArray(null, new JsonObject { ["value"] = "b" }),
        };
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, BlockActions(new JsonArray(select))));
        Assert.Equal("b", Assert.IsType<ActionInput>(Assert.Single(host.Flow.Turns).Input).Value);
    }

    [Fact]
    public async Task Null_selected_option_in_the_state_is_skipped()
    {
        await using var host = await SlackHost.StartAsync();
        var state = JsonNode.Parse("""{"values":{"pick":{"pick":{"type":"multi_static_select","selected_options":[null,{"value":"a"}]}}}}""")!.AsObject();
        var press = new JsonObject { ["action_id"] = "quote.replace", ["type"] = "button", ["value"] = "1" };
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, BlockActions(new JsonArray(press), state)));
        Assert.Equal("a", ((ActionInput)Assert.Single(host.Flow.Turns).Input).Form["pick"]);
    }

    [Theory]
    [InlineData("""{"text":null}""")]
    [InlineData("""{"text":{"text":null}}""")]
    [InlineData("""{"other":null,"text":{"text":{"type":"plain_text_input","value":"We need SSO"}}}""")]
    public async Task Null_state_block_or_action_in_a_submit_is_skipped(string values)
    {
        await using var host = await SlackHost.StartAsync();
        var response = await host.PostInteractionAsync(ViewSubmission("""{"v":"ctx-1","c":"C1"}""", JsonNode.Parse(values)).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var input = Assert.IsType<ActionInput>(Assert.Single(host.Flow.Turns).Input);
        Assert.Equal("quote.save", input.ActionId);
    }

    [Theory]
    [InlineData("""{"v":"ctx-1"}""")]
    [InlineData("""{"v":"ctx-1","c":null}""")]
    [InlineData("""{"v":"ctx-1","c":""}""")]
    public async Task Modal_metadata_without_the_channel_is_not_ours_and_changes_nothing(string metadata)
    {
        await using var host = await SlackHost.StartAsync();
        var values = JsonNode.Parse("""{"text":{"text":{"type":"plain_text_input","value":"We need SSO"}}}""");
        var response = await host.PostInteractionAsync(ViewSubmission(metadata, values).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Flow.Turns);
    }

    [Fact]
    public async Task Interaction_naming_no_team_is_a_bad_request()
    {
        await using var host = await SlackHost.StartAsync();
        var payload = BlockActions(new JsonArray(new JsonObject { ["action_id"] = "quote.replace", ["value"] = "1" }));
        payload.Remove("team");
        payload["user"] = new JsonObject { ["id"] = "U1" };
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(host, payload));
    }
}

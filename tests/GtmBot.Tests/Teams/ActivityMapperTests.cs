using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Teams;
using GtmBot.Teams.Protocol;

namespace GtmBot.Tests.Teams;

public sealed class ActivityMapperTests
{
    /// <summary>Every fixture file, with what it must route to. A new fixture without an expectation fails the completeness test.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["01-channel-message-mention-reply-in-thread.teamsnet.json"] = "Message",
        ["02-invoke-adaptivecard-action-personal.teamsnet.json"] = "IgnoredInvoke", // Action.Execute without a verb: not one of our cards
        ["03-personal-message.docs.json"] = "Message",
        ["04-conversationupdate-bot-added-to-team.docs.json"] = "Welcome",
        ["05-conversationupdate-bot-added-personal.docs.json"] = "Ignored", // the docs sample's added member (28:f5d4…) is not its recipient (placeholder "28:<BOT ID>")
        ["06-installationupdate-add-team.docs.json"] = "Welcome",
        ["08-message-with-value-messageback-channel.docs.json"] = "Ignored", // foreign messageBack in a channel, bot not mentioned
        ["09-invoke-composeextension-fetchtask-message-context-channel.docs.json"] = "FetchTask",
        ["11-invoke-composeextension-submitaction-compose.docs.json"] = "Ignored", // no type: the endpoint answers 400
        ["12-invoke-composeextension-submitaction-messagepayload.docs-partial.json"] = "MessageAction",
        ["13-playground-message-personal.json"] = "Message",
        ["14-playground-message-channel.json"] = "Message",
        ["15-playground-invoke-adaptiveCard-action.json"] = "CardAction",
        ["16-playground-message-submit-value-channel.json"] = "Submit",
        ["17-playground-invoke-composeExtension-fetchTask.json"] = "FetchTask",
        ["18-playground-invoke-composeExtension-submitAction.json"] = "MessageAction",
        ["19-playground-conversationUpdate-teamMemberAdded.json"] = "Welcome",
        ["20-playground-installationUpdate.json"] = "Welcome",
    };

    public static TheoryData<string> Fixtures() => [.. TeamsFixtures.Names()];

    [Fact]
    public void Every_fixture_file_has_an_expected_route()
    {
        _ = SharedFolder.Require("fixtures", "teams");
        Assert.Equal(TeamsFixtures.Names().ToList(), Expected.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_parses_and_routes_as_expected(string name)
    {
        var activity = TeamsFixtures.Load(name);
        var route = ActivityMapper.Map(activity);
        var kind = route switch
        {
            TurnRoute t => t.Kind.ToString(),
            WelcomeRoute => "Welcome",
            FetchTaskRoute => "FetchTask",
            IgnoredRoute { IsInvoke: true } => "IgnoredInvoke",
            IgnoredRoute => "Ignored",
            _ => route.GetType().Name,
        };
        Assert.Equal(Expected[name], kind);
        if (route is TurnRoute turn && activity.Conversation is not null)
        {
            Assert.Equal(Platforms.Teams, turn.Turn.Conversation.Platform);
            Assert.False(string.IsNullOrEmpty(turn.Turn.Conversation.Workspace));
            Assert.DoesNotContain(";messageid=", turn.Turn.Conversation.Channel, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(turn.Turn.User.Id));
        }
    }

    [Fact]
    public void Channel_mention_is_stripped_and_the_thread_split_from_the_channel()
    {
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(TeamsFixtures.Load("01-channel-message-mention-reply-in-thread.teamsnet.json")));
        Assert.Equal(TurnKind.Message, route.Kind);
        Assert.Equal("reply to thread", Assert.IsType<CommandInput>(route.Turn.Input).Text);
        Assert.Equal(new ConversationKey("teams", "50612dbb-0237-4969-b378-8d42590f9c00", "19:6848757105754c8981c67612732d9aa7@thread.tacv2", "1759881511856"), route.Turn.Conversation);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", route.Turn.User.Id);
        Assert.Equal("rido", route.Turn.User.Name);
    }

    [Fact]
    public void Playground_channel_mention_becomes_the_command()
    {
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(TeamsFixtures.Load("14-playground-message-channel.json")));
        Assert.Equal("card", Assert.IsType<CommandInput>(route.Turn.Input).Text);
        Assert.Equal("team-id", route.Turn.Conversation.Channel);
        Assert.Equal("en-US", route.Turn.Locale);
    }

    [Fact]
    public void Personal_message_is_a_command_without_a_mention()
    {
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(TeamsFixtures.Load("13-playground-message-personal.json")));
        Assert.IsType<CommandInput>(route.Turn.Input);
        Assert.Null(route.Turn.Conversation.Thread);
    }

    [Fact]
    public void Channel_message_without_the_bot_mentioned_is_ignored()
    {
        var activity = TeamsFixtures.Load("14-playground-message-channel.json") with { Entities = [] };
        Assert.IsType<IgnoredRoute>(ActivityMapper.Map(activity));
    }

    [Fact]
    public void Action_submit_value_becomes_an_action_with_its_inputs()
    {
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(TeamsFixtures.Load("16-playground-message-submit-value-channel.json")));
        Assert.Equal(TurnKind.Submit, route.Kind);
        var action = Assert.IsType<ActionInput>(route.Turn.Input);
        Assert.Equal("submitNote", action.ActionId);
        Assert.Equal("hi", action.Field("note"));
        Assert.Equal("1795425620767", route.Turn.SourceMessageId);
    }

    [Fact]
    public void Action_execute_verb_and_data_become_the_action()
    {
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(TeamsFixtures.Load("15-playground-invoke-adaptiveCard-action.json")));
        Assert.Equal(TurnKind.CardAction, route.Kind);
        Assert.False(string.IsNullOrEmpty(Assert.IsType<ActionInput>(route.Turn.Input).ActionId));
    }

    [Fact]
    public void Our_own_button_data_carries_action_id_and_value()
    {
        var json = """
            {"type":"invoke","name":"adaptiveCard/action","id":"x1","serviceUrl":"http://127.0.0.1:1/","channelId":"msteams",
             "from":{"id":"29:a","aadObjectId":"aad-1","name":"Ana"},"recipient":{"id":"28:bot"},
             "conversation":{"id":"19:c@thread.tacv2;messageid=42","conversationType":"channel","tenantId":"t1"},
             "value":{"action":{"type":"Action.Execute","verb":"canvas.edit","data":{"gtmAction":"canvas.edit","gtmValue":"who","text":"SMBs"}},"trigger":"manual"},
             "replyToId":"43"}
            """;
        var activity = System.Text.Json.JsonSerializer.Deserialize(json, TeamsJson.Default.Activity)!;
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(activity));
        var action = Assert.IsType<ActionInput>(route.Turn.Input);
        Assert.Equal("canvas.edit", action.ActionId);
        Assert.Equal("who", action.Value);
        Assert.Equal("SMBs", action.Field("text"));
        Assert.False(action.Form.ContainsKey("gtmAction"));
        Assert.Equal("42", route.Turn.Conversation.Thread);
    }

    [Fact]
    public void Message_action_submit_maps_to_quote_capture_with_the_message_fields()
    {
        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(TeamsFixtures.Load("18-playground-invoke-composeExtension-submitAction.json")));
        Assert.Equal(TurnKind.MessageAction, route.Kind);
        var action = Assert.IsType<ActionInput>(route.Turn.Input);
        Assert.Equal(QuoteCapture.ActionId, action.ActionId);
        Assert.Equal("Customers love it", action.Field(QuoteCapture.Text));
        Assert.Equal("user-id-0", action.Field(QuoteCapture.Author));
        Assert.Equal("Alex Wilber", action.Field(QuoteCapture.AuthorName));
        Assert.Equal("1795425620758", action.Field(QuoteCapture.MessageId));
        Assert.Equal("message-action", action.Field(QuoteCapture.Source));
    }

    [Fact]
    public void Fetch_task_from_a_message_carries_its_plain_text()
    {
        var route = Assert.IsType<FetchTaskRoute>(ActivityMapper.Map(TeamsFixtures.Load("09-invoke-composeextension-fetchtask-message-context-channel.docs.json")));
        Assert.Equal("Testing outgoing Webhook-Nikitha - Hi", route.Text);
    }

    [Fact]
    public void Unknown_invoke_is_ignored_as_an_invoke()
    {
        var activity = TeamsFixtures.Load("02-invoke-adaptivecard-action-personal.teamsnet.json") with { Name = "task/fetch" };
        Assert.True(Assert.IsType<IgnoredRoute>(ActivityMapper.Map(activity)).IsInvoke);
    }

    [Fact]
    public void Html_body_is_reduced_to_text()
    {
        Assert.Equal("a & b\nc", ActivityMapper.HtmlToText("<p>a &amp; b</p><p>c</p>"));
    }

    [Fact]
    public void A_command_is_neutral_text_mentions_of_people_become_the_engines_mentions()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "<at>GtmBot</at> checklist owner 3 <at>Li Wang</at> &amp; <b>more</b>&nbsp;&lt;b&gt;",
            Recipient = new ChannelAccount { Id = "28:bot", Name = "GtmBot" },
            From = new ChannelAccount { Id = "29:ana", AadObjectId = "aad-ana" },
            Conversation = new ConversationAccount { Id = "19:c@thread.tacv2", ConversationType = "channel", TenantId = "t1" },
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>GtmBot</at>", Mentioned = new ChannelAccount { Id = "28:bot", Name = "GtmBot" } },
                new Entity { Type = "mention", Text = "<at>Li Wang</at>", Mentioned = new ChannelAccount { Id = "29:li", Name = "Li Wang" } },
            ],
        };

        var route = Assert.IsType<TurnRoute>(ActivityMapper.Map(activity));

        Assert.Equal("checklist owner 3 @[29:li] & more <b>", Assert.IsType<CommandInput>(route.Turn.Input).Text);
        Assert.Equal("29:li", ChecklistFlow.ParseOwner("@[29:li]"));
    }
}

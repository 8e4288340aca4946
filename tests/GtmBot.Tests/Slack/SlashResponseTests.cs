using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Slack.Inbound;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Wire;

namespace GtmBot.Tests.Slack;

/// <summary>
/// A slash command's answer is written straight to UTF-8 on HTTP and as a tree in Socket Mode's envelope: both carry what
/// the message renders to, plus where it shows.
/// </summary>
public sealed class SlashResponseTests
{
    private static KitMessage Message() => Assert.Single(BlockKitRenderer.RenderMessages(new Reply(
        [
            new HeaderBlock("Quote #12 <!channel>"),
            new TextBlock("“the export breaks every Monday” — **Acme** " + Markup.Mention("U1A2B3")),
            new ActionsBlock([new Button("Correct", "quote.tags", "12", ButtonStyle.Primary)]),
        ],
        "Quote saved")));

    [Theory]
    [InlineData("in_channel")]
    [InlineData("ephemeral")]
    public void The_utf8_answer_is_the_rendered_message_with_its_response_type(string responseType)
    {
        var message = Message();
        var expected = JsonSerializer.SerializeToNode(message, SlackJson.Default.KitMessage)!.AsObject();
        expected["response_type"] = responseType;

        var written = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(new SlashResponse(message.Text, message.Blocks, responseType), SlackJson.Default.SlashResponse));

        Assert.True(JsonNode.DeepEquals(expected, written), written!.ToJsonString());
    }

    [Fact]
    public void Socket_mode_gets_the_same_answer_as_a_tree()
    {
        var message = Message();
        var ack = new SlackAck(Slash: new SlashResponse(message.Text, message.Blocks, "ephemeral"));

        var node = ack.BodyNode();

        Assert.NotNull(node);
        Assert.Equal("ephemeral", (string?)node["response_type"]);
        Assert.Equal(message.Blocks.Count, node["blocks"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(ack.Slash!, SlackJson.Default.SlashResponse)), node));
        Assert.Null(SlackAck.Empty.BodyNode());
    }
}

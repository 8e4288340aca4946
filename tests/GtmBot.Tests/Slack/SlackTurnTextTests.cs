using GtmBot.Engine.Flows;
using GtmBot.Slack.Inbound;

namespace GtmBot.Tests.Slack;

/// <summary>What a person typed in Slack reaches the engine as neutral text: no Slack markup left for a flow to parse.</summary>
public sealed class SlackTurnTextTests
{
    [Theory]
    [InlineData("checklist owner 3 <@U123|ana>", "checklist owner 3 @[U123]")]
    [InlineData("okr new Win product <@U1> sales <@W2|bo>", "okr new Win product @[U1] sales @[W2]")]
    [InlineData("remind <#C42|launch> please", "remind #launch please")]
    [InlineData("remind <#C42>", "remind #C42")]
    [InlineData("webhook add <https://hooks.example/x?a=1&amp;b=2>", "webhook add https://hooks.example/x?a=1&b=2")]
    [InlineData("see <http://acme.example|acme.example> now", "see acme.example now")]
    [InlineData("<!here> ship it", "@here ship it")]
    [InlineData("<!subteam^S1|@pm> look", "@pm look")]
    [InlineData("a &lt;b&gt; &amp;lt; c", "a <b> &lt; c")]
    [InlineData("quote Acme: 5 &lt; 6", "quote Acme: 5 < 6")]
    [InlineData("", "")]
    public void Slack_markup_becomes_neutral_text(string escaped, string neutral)
    {
        Assert.Equal(neutral, SlackTurnText.Neutral(escaped));
    }

    [Fact]
    public void A_mention_typed_in_a_command_reaches_the_owner_parser_as_an_id()
    {
        Assert.Equal("U123", ChecklistFlow.ParseOwner(SlackTurnText.Neutral("<@U123|ana>")));
    }
}

using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Slack;
using GtmBot.Slack.Inbound;

namespace GtmBot.Tests.Slack;

public class SlackModalsTests
{
    [Fact]
    public void Retry_button_carries_the_command_back()
    {
        var reply = SlackModals.NotOpened(new CommandInput("quote | form"), Lang.En);
        var button = Assert.Single(Assert.Single(reply.Blocks.OfType<ActionsBlock>()).Buttons);
        Assert.Equal(SlackModals.RetryActionId, button.ActionId);
        Assert.Equal("quote | form", Assert.IsType<CommandInput>(SlackModals.ReadRetry(button.Value)).Text);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
    }

    [Fact]
    public void Retry_button_carries_an_action_with_its_fields_back()
    {
        var input = new ActionInput("quote.capture", null, new Dictionary<string, string?> { ["text"] = "We need SSO|now", ["customer"] = "Acme" });
        var reply = SlackModals.NotOpened(input, Lang.Zh);
        var back = Assert.IsType<ActionInput>(SlackModals.ReadRetry(reply.Blocks.OfType<ActionsBlock>().Single().Buttons[0].Value));
        Assert.Equal("quote.capture", back.ActionId);
        Assert.Null(back.Value);
        Assert.Equal("We need SSO|now", back.Field("text"));
        Assert.Equal("Acme", back.Field("customer"));
        Assert.Equal("重试", reply.Blocks.OfType<ActionsBlock>().Single().Buttons[0].Label);
    }

    [Fact]
    public void Input_too_big_for_a_button_gets_the_notice_without_one()
    {
        var input = new ActionInput("quote.capture", null, new Dictionary<string, string?> { ["text"] = new string('x', SlackLimits.MaxButtonValue) });
        var reply = SlackModals.NotOpened(input, Lang.En);
        Assert.Empty(reply.Blocks.OfType<ActionsBlock>());
        Assert.Contains("did not open the form in time", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x|y")]
    [InlineData("a||v")]
    [InlineData("a|id|v|k")]
    public void Values_that_are_not_ours_read_as_nothing(string? value) => Assert.Null(SlackModals.ReadRetry(value));
}

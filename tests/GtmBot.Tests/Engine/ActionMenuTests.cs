using GtmBot.Engine;

namespace GtmBot.Tests.Engine;

public sealed class ActionMenuTests
{
    [Theory]
    [InlineData("checklist.status", "3:Done:7")]
    [InlineData("quote.tag", "12|pain")]
    [InlineData("quote.insights", null)]
    [InlineData("canvas.edit", "")]
    public void An_encoded_option_unpacks_to_the_action_its_button_would_send(string actionId, string? value)
    {
        var encoded = ActionMenu.Encode(new MenuOption("label", actionId, value));

        var action = ActionMenu.Unpack(new ActionInput(ActionMenu.ChooseActionId, encoded));

        Assert.NotNull(action);
        Assert.Equal(actionId, action.ActionId);
        Assert.Equal(value, action.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a|b|c")]
    [InlineData("menu.choose|x")]
    [InlineData("|x")]
    public void A_choice_that_names_no_usable_action_unpacks_to_nothing(string? value) =>
        Assert.Null(ActionMenu.Unpack(new ActionInput(ActionMenu.ChooseActionId, value)));

    [Theory]
    [InlineData("menu.choose", true)]
    [InlineData("menu.choose.3", true)]
    [InlineData("menu.chooser", false)]
    [InlineData("quote.tag", false)]
    public void Choice_ids_are_the_choose_id_and_its_numbered_forms(string actionId, bool choice) =>
        Assert.Equal(choice, ActionMenu.IsChoice(actionId));
}

using GtmBot.Engine;

namespace GtmBot.Tests.Flows;

/// <summary>Reads what a person would see and press in a reply.</summary>
internal static class FlowTestKit
{
    public static string AllText(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => Markup.ToPlainText(t.Markup),
        ContextBlock c => Markup.ToPlainText(c.Markup),
        FieldsBlock f => string.Join('\n', f.Fields.Select(x => x.Label + " " + Markup.ToPlainText(x.Value))),
        ActionsBlock a => string.Join(' ', a.Menus.SelectMany(m => m.Options.Select(o => o.Label).Prepend(m.Label)).Concat(a.Buttons.Select(x => x.Label))),
        FormBlock f => f.Title + " " + (f.Error is null ? string.Empty : Markup.ToPlainText(f.Error)),
        _ => string.Empty,
    }));

    /// <summary>Everything a person can press or choose: the buttons, and each option of a menu as the button it stands for.</summary>
    public static IEnumerable<Button> Buttons(Reply reply) => reply.Blocks.OfType<ActionsBlock>()
        .SelectMany(a => a.Menus.SelectMany(m => m.Options.Select(o => new Button(o.Label, o.ActionId, o.Value))).Concat(a.Buttons));

    /// <summary>Only the buttons shown as buttons (not the options inside menus).</summary>
    public static IEnumerable<Button> PlainButtons(Reply reply) => reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons);

    /// <summary>The menus of actions of a reply.</summary>
    public static IEnumerable<ActionMenu> Menus(Reply reply) => reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Menus);

    /// <summary>The first button of the action whose value (as written, or its parts read as <c>a:b:c</c>) starts with <paramref name="valueStart"/>.</summary>
    public static Button ButtonOf(Reply reply, string actionId, string? valueStart = null) =>
        Buttons(reply).First(b => b.ActionId == actionId && (valueStart is null
            || (b.Value ?? string.Empty).StartsWith(valueStart, StringComparison.Ordinal) || Parts(b.Value).StartsWith(valueStart, StringComparison.Ordinal)));

    /// <summary>A value's parts (<see cref="ActionValue"/>) joined with <c>:</c>, for readable assertions.</summary>
    public static string Parts(string? value) => string.Join(':', ActionValue.SplitIds(value));

    public static Reply Artefact(IEnumerable<Reply> replies, string key) =>
        Assert.Single(replies, r => r.Placement == ReplyPlacement.Artefact && r.ArtefactKey == key);
}

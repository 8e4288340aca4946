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
        ActionsBlock a => string.Join(' ', a.Buttons.Select(x => x.Label)),
        FormBlock f => f.Title + " " + (f.Error is null ? string.Empty : Markup.ToPlainText(f.Error)),
        _ => string.Empty,
    }));

    public static IEnumerable<Button> Buttons(Reply reply) => reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons);

    public static Button ButtonOf(Reply reply, string actionId, string? valueStart = null) =>
        Buttons(reply).First(b => b.ActionId == actionId && (valueStart is null || (b.Value ?? string.Empty).StartsWith(valueStart, StringComparison.Ordinal)));

    public static Reply Artefact(IEnumerable<Reply> replies, string key) =>
        Assert.Single(replies, r => r.Placement == ReplyPlacement.Artefact && r.ArtefactKey == key);
}

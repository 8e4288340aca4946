using System.Text.Json.Serialization;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine;

/// <summary>Who sees a reply.</summary>
public enum ReplyVisibility
{
    /// <summary>Everyone in the conversation.</summary>
    Channel,
    /// <summary>Only the person who acted.</summary>
    Ephemeral,
}

/// <summary>Where a reply goes.</summary>
public enum ReplyPlacement
{
    /// <summary>A new message in the conversation (in the thread when the turn came from one).</summary>
    NewMessage,
    /// <summary>A reply in the thread of the message the turn came from.</summary>
    ThreadReply,
    /// <summary>Replace the message the action came from.</summary>
    ReplaceOriginal,
    /// <summary>The channel's one living message for an artefact (canvas, checklist, drill), updated in place.</summary>
    Artefact,
}

/// <summary>A neutral message: a closed set of blocks, rendered by Slack Block Kit, Adaptive Cards and HTML.</summary>
/// <param name="Blocks">The content, top to bottom.</param>
/// <param name="Text">Plain fallback text (notifications, screen readers, logs).</param>
/// <param name="Visibility">Who sees it.</param>
/// <param name="Placement">Where it goes.</param>
/// <param name="ArtefactKey">For <see cref="ReplyPlacement.Artefact"/>: which living message, e.g. <c>canvas:default</c>.</param>
public sealed record Reply(
    IReadOnlyList<ReplyBlock> Blocks,
    string Text,
    ReplyVisibility Visibility = ReplyVisibility.Channel,
    ReplyPlacement Placement = ReplyPlacement.NewMessage,
    string? ArtefactKey = null)
{
    /// <summary>For a reply delivered after the request (outbox): the person or message it answers, when not the whole channel.</summary>
    public ReplyRoute? Route { get; init; }

    /// <summary>A one-block ephemeral notice.</summary>
    public static Reply Notice(string markup) => new([new TextBlock(markup)], Markup.ToPlainText(markup), ReplyVisibility.Ephemeral);

    /// <summary>The form in this reply, if it has one (edges open forms as modals where they can).</summary>
    [JsonIgnore]
    public FormBlock? Form => Blocks.OfType<FormBlock>().FirstOrDefault();
}

/// <summary>
/// Where a reply delivered later goes back to: the person who acted (for an ephemeral reply), the platform's handle for
/// answering the request (Slack response_url), the message it came from (to replace it) and the language to render in.
/// </summary>
public sealed record ReplyRoute(string? UserId = null, string? ResponseUrl = null, string? SourceMessageId = null, Lang Lang = Lang.En);

/// <summary>One block of a <see cref="Reply"/>. The set is closed: every renderer handles every kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(FieldsBlock), "fields")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(FormBlock), "form")]
[JsonDerivedType(typeof(ImageBlock), "image")]
public abstract record ReplyBlock;

/// <summary>A title line. Plain text.</summary>
public sealed record HeaderBlock(string Text) : ReplyBlock;

/// <summary>Body text in the neutral <see cref="Markup"/> (bold, italic, code, mentions, line breaks).</summary>
public sealed record TextBlock(string Markup) : ReplyBlock;

/// <summary>Label/value pairs shown side by side where the platform can. Values are <see cref="Markup"/>.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : ReplyBlock;

/// <summary>One label/value pair of a <see cref="FieldsBlock"/>.</summary>
public sealed record Field(string Label, string Value);

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : ReplyBlock;

/// <summary>A small, muted line of <see cref="Markup"/>.</summary>
public sealed record ContextBlock(string Markup) : ReplyBlock;

/// <summary>
/// A picture (a chart) at an absolute http(s) address the platform can fetch — the bot's own signed, expiring link. Renderers
/// drop an address of any other scheme. <see cref="AltText"/> is plain text, shown where the picture cannot be.
/// </summary>
public sealed record ImageBlock(string Url, string AltText) : ReplyBlock
{
    /// <summary>Whether <paramref name="url"/> is an absolute http or https address (the only kinds a renderer shows).</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>A row of actions: <see cref="Menus"/> first (compact choices such as a status or tags), then the buttons.</summary>
public sealed record ActionsBlock(IReadOnlyList<Button> Buttons) : ReplyBlock
{
    /// <summary>Menus of actions shown before the buttons; each choice acts as pressing a button would.</summary>
    public IReadOnlyList<ActionMenu> Menus { get; init; } = [];
}

/// <summary>How a menu of actions is shown where the platform offers a choice.</summary>
public enum MenuStyle
{
    /// <summary>A labelled drop-down (Slack <c>static_select</c>, Adaptive Card compact choice set, HTML menu).</summary>
    Select,

    /// <summary>A small "more actions" control for a handful of options (Slack <c>overflow</c>); a select elsewhere.</summary>
    Overflow,
}

/// <summary>
/// "Choose one of these actions": a compact stand-in for a row of buttons. Each option carries the action id and value
/// its button would have carried, so choosing it reaches the flow as the same <see cref="ActionInput"/>. An edge whose
/// menu element has one action id for all its options (a Slack select or overflow) sends the choice as
/// <see cref="ChooseActionId"/> with the option's <see cref="Encode">encoded</see> action as the value, which the engine
/// unpacks with <see cref="Unpack"/> before dispatch; an edge that shows the options as buttons sends their own actions.
/// </summary>
/// <param name="Label">What the menu is for (placeholder, summary, accessible name). Plain text.</param>
/// <param name="Options">The actions to choose from, in order.</param>
/// <param name="Style">How it is shown.</param>
public sealed record ActionMenu(string Label, IReadOnlyList<MenuOption> Options, MenuStyle Style = MenuStyle.Select)
{
    /// <summary>The action id an edge sends for a choice from a menu (Slack: also with a <c>.n</c> suffix when a row holds several menus).</summary>
    public const string ChooseActionId = "menu.choose";

    /// <summary>An option's action as one string: its action id and value joined by <see cref="ActionValue"/>.</summary>
    public static string Encode(MenuOption option) =>
        option.Value is null ? ActionValue.Join(option.ActionId) : ActionValue.Join(option.ActionId, option.Value);

    /// <summary>Whether an action id is a choice from a menu.</summary>
    public static bool IsChoice(string actionId) =>
        actionId == ChooseActionId || actionId.StartsWith(ChooseActionId + ".", StringComparison.Ordinal);

    /// <summary>The action a menu choice (its value: an <see cref="Encode">encoded</see> option) stands for; null when it names none.</summary>
    public static ActionInput? Unpack(ActionInput choice)
    {
        var parts = ActionValue.Split(choice.Value);
        if (parts.Count is < 1 or > 2 || string.IsNullOrWhiteSpace(parts[0]) || IsChoice(parts[0]))
        {
            return null;
        }

        return new ActionInput(parts[0], parts.Count == 2 ? parts[1] : null, choice.Form);
    }
}

/// <summary>One option of an <see cref="ActionMenu"/>: choosing it sends <see cref="ActionId"/> and <see cref="Value"/>.</summary>
/// <param name="Label">Plain text.</param>
/// <param name="ActionId">The action it sends.</param>
/// <param name="Value">The action's value.</param>
/// <param name="Selected">Whether it is the current state (shown as chosen where the platform can).</param>
public sealed record MenuOption(string Label, string ActionId, string? Value = null, bool Selected = false);

/// <summary>Visual weight of a button.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>A button: pressing it sends an <see cref="ActionInput"/> with this action id and value.</summary>
public sealed record Button(string Label, string ActionId, string? Value = null, ButtonStyle Style = ButtonStyle.Default);

/// <summary>A form: submitting it sends an <see cref="ActionInput"/> with <see cref="SubmitActionId"/>, <see cref="Value"/> and the inputs' values.</summary>
/// <param name="Title">Short title (Slack modal title: at most 24 characters).</param>
/// <param name="SubmitActionId">Action id sent on submit.</param>
/// <param name="Value">Opaque value sent back on submit (e.g. the edited item and its version).</param>
/// <param name="Inputs">The fields.</param>
/// <param name="SubmitLabel">Label of the submit button.</param>
/// <param name="Error">A message shown above the inputs when the last submit was refused (inputs keep the user's text).</param>
public sealed record FormBlock(string Title, string SubmitActionId, string? Value, IReadOnlyList<FormInput> Inputs, string SubmitLabel, string? Error = null) : ReplyBlock;

/// <summary>Kinds of form input.</summary>
public enum InputKind
{
    Text,
    Multiline,
    Select,
    MultiSelect,
    Date,
    User,
}

/// <summary>One input of a <see cref="FormBlock"/>. Multi-select initial values are joined with <see cref="FormInput.MultiSeparator"/>.</summary>
public sealed record FormInput(
    string Id,
    string Label,
    InputKind Kind,
    string? Initial = null,
    IReadOnlyList<Choice>? Choices = null,
    bool Required = false,
    int? MaxLength = null,
    string? Placeholder = null)
{
    /// <summary>Separator of several values in one form field (multi-select).</summary>
    public const char MultiSeparator = ',';
}

/// <summary>An option of a select input.</summary>
public sealed record Choice(string Label, string Value);

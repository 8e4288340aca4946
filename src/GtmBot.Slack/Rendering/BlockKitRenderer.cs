using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Strings;
using GtmBot.Slack.Wire;

namespace GtmBot.Slack.Rendering;

/// <summary>
/// Renders the neutral <see cref="Reply"/> as Block Kit messages and modals, keeping within <see cref="SlackLimits"/>:
/// long text is split into several sections, blocks over the message limit spill into further messages,
/// single values are truncated with an ellipsis. User text is escaped; mrkdwn is verbatim.
/// </summary>
internal static class BlockKitRenderer
{
    /// <summary>The reply as one or more messages (more than one only when it exceeds the blocks-per-message limit).</summary>
    public static IReadOnlyList<KitMessage> RenderMessages(Reply reply, Lang lang = Lang.En)
    {
        var blocks = new List<KitBlock>();
        foreach (var block in reply.Blocks)
        {
            blocks.AddRange(RenderBlock(block, lang, inModal: false));
        }

        var text = SlackText.Truncate(SlackText.Literal(string.IsNullOrWhiteSpace(reply.Text) ? " " : reply.Text), SlackLimits.MaxMessageText);
        if (blocks.Count == 0)
        {
            return [new KitMessage(text, [])];
        }

        var messages = new List<KitMessage>();
        for (var i = 0; i < blocks.Count; i += SlackLimits.MaxBlocksPerMessage)
        {
            messages.Add(new KitMessage(text, blocks.GetRange(i, Math.Min(SlackLimits.MaxBlocksPerMessage, blocks.Count - i))));
        }

        return messages;
    }

    /// <summary>A form as a modal; the other blocks of its reply are shown above the inputs.</summary>
    /// <param name="reply">The reply holding the form.</param>
    /// <param name="metadata">Where the form was opened (goes to private_metadata).</param>
    /// <param name="submitted">The values the user typed, kept when the form comes back with an error.</param>
    public static KitView RenderModal(Reply reply, ModalMetadata metadata, IReadOnlyDictionary<string, string?>? submitted = null, Lang lang = Lang.En)
    {
        var form = reply.Form ?? throw new ArgumentException("The reply has no form.", nameof(reply));
        var blocks = new List<KitBlock>();
        foreach (var block in reply.Blocks)
        {
            if (block is FormBlock)
            {
                if (!string.IsNullOrWhiteSpace(form.Error))
                {
                    blocks.Add(new SectionKitBlock(TextObject.Mrkdwn(SlackText.Truncate(":warning: " + SlackText.ToMrkdwn(form.Error), SlackLimits.MaxSectionText))));
                }

                blocks.AddRange(form.Inputs.Select(i => RenderInput(i, submitted)));
            }
            else
            {
                blocks.AddRange(RenderBlock(block, lang, inModal: true));
            }
        }

        if (blocks.Count > SlackLimits.MaxBlocksPerModal)
        {
            // Inputs come last; keep them and drop the excess of leading blocks (a modal cannot spill into a second view).
            var inputs = blocks.OfType<InputKitBlock>().Take(SlackLimits.MaxBlocksPerModal).ToList();
            var others = blocks.Where(b => b is not InputKitBlock).Take(SlackLimits.MaxBlocksPerModal - inputs.Count).ToList();
            blocks = [.. others, .. inputs];
        }

        metadata = metadata with { V = form.Value };
        var metadataJson = JsonSerializer.Serialize(metadata, SlackJson.Default.ModalMetadata);
        if (metadataJson.Length > SlackLimits.MaxPrivateMetadata)
        {
            // The response_url is the only part we can do without; the value and channel are needed on submit.
            metadataJson = JsonSerializer.Serialize(metadata with { R = null }, SlackJson.Default.ModalMetadata);
            if (metadataJson.Length > SlackLimits.MaxPrivateMetadata)
            {
                throw new ArgumentException($"The form's value is longer than Slack's private_metadata limit of {SlackLimits.MaxPrivateMetadata} characters.", nameof(reply));
            }
        }

        return new KitView(
            Title: TextObject.Plain(SlackText.Truncate(NonEmpty(form.Title), SlackLimits.MaxModalTitle)),
            Submit: form.Inputs.Count > 0 ? TextObject.Plain(SlackText.Truncate(NonEmpty(form.SubmitLabel), SlackLimits.MaxModalTitle)) : null,
            Close: TextObject.Plain(SlackText.Truncate(CoreStrings.Cancel.Get(lang), SlackLimits.MaxModalTitle)),
            Blocks: blocks,
            CallbackId: form.SubmitActionId.Length <= SlackLimits.MaxCallbackId ? form.SubmitActionId : throw new ArgumentException($"The form's action id is over {SlackLimits.MaxCallbackId} characters.", nameof(reply)),
            PrivateMetadata: metadataJson);
    }

    private static IEnumerable<KitBlock> RenderBlock(ReplyBlock block, Lang lang, bool inModal)
    {
        switch (block)
        {
            case HeaderBlock h:
                yield return new HeaderKitBlock(TextObject.Plain(SlackText.Truncate(NonEmpty(h.Text), SlackLimits.MaxHeaderText)));
                break;
            case TextBlock t:
                foreach (var part in SlackText.Split(SlackText.ToMrkdwn(t.Markup), SlackLimits.MaxSectionText))
                {
                    yield return new SectionKitBlock(TextObject.Mrkdwn(NonEmpty(part)));
                }

                break;
            case FieldsBlock f:
                var fields = f.Fields.Select(x => TextObject.Mrkdwn(SlackText.Truncate(NonEmpty($"*{SlackText.Literal(x.Label)}*\n{SlackText.ToMrkdwn(x.Value)}"), SlackLimits.MaxFieldText))).ToList();
                for (var i = 0; i < fields.Count; i += SlackLimits.MaxSectionFields)
                {
                    yield return new SectionKitBlock(null, fields.GetRange(i, Math.Min(SlackLimits.MaxSectionFields, fields.Count - i)));
                }

                break;
            case DividerBlock:
                yield return new DividerKitBlock();
                break;
            case ContextBlock c:
                yield return new ContextKitBlock([TextObject.Mrkdwn(SlackText.Truncate(NonEmpty(SlackText.ToMrkdwn(c.Markup)), SlackLimits.MaxTextObject))]);
                break;
            case ActionsBlock a:
                List<KitElement> elements = [.. a.Menus.Select(RenderMenu).OfType<KitElement>().Select((m, i) => m with { ActionId = MenuActionId(i) }), .. a.Buttons.Where(Fits).Select(RenderButton)];
                for (var i = 0; i < elements.Count; i += SlackLimits.MaxActionsElements)
                {
                    yield return new ActionsKitBlock(elements.GetRange(i, Math.Min(SlackLimits.MaxActionsElements, elements.Count - i)));
                }

                break;
            case FormBlock form when !inModal:
                // A message cannot host the form (it opens as a modal from a command or button); say so instead.
                yield return new SectionKitBlock(TextObject.Mrkdwn(SlackText.Truncate($"*{SlackText.Literal(NonEmpty(form.Title))}*\n{SlackText.Literal(SlackStrings.FormInMessage.Get(lang))}", SlackLimits.MaxSectionText)));
                break;
            case FormBlock:
                break;
            case ImageBlock image when ImageBlock.IsWebAddress(image.Url) && image.Url.Length <= SlackLimits.MaxImageUrl:
                var alt = SlackText.Truncate(NonEmpty(image.AltText), SlackLimits.MaxImageAltText);
                yield return new ImageKitBlock(image.Url, alt, TextObject.Plain(SlackText.Truncate(alt, SlackLimits.MaxImageTitle)));
                break;
            case ImageBlock image:
                // No address Slack may fetch: the words stand in for the picture.
                yield return new ContextKitBlock([TextObject.Plain(SlackText.Truncate(NonEmpty(image.AltText), SlackLimits.MaxTextObject))]);
                break;
            default:
                throw new NotSupportedException($"Block kind {block.GetType().Name} has no Block Kit rendering.");
        }
    }

    /// <summary>A button whose id or value Slack cannot carry is left out rather than cut (a cut id would route nowhere).</summary>
    internal static bool Fits(Button b) =>
        b.ActionId.Length is > 0 and <= SlackLimits.MaxActionId && (b.Value?.Length ?? 0) <= SlackLimits.MaxButtonValue;

    /// <summary>
    /// A menu of actions as an overflow (2–5 options) or a static select. Each option's value is its encoded action, so a
    /// choice arrives as <c>selected_option.value</c> of <see cref="ActionMenu.ChooseActionId"/>; an option whose encoded
    /// action Slack cannot carry is left out. Null when no option is left.
    /// </summary>
    /// <see href="https://api.slack.com/reference/block-kit/block-elements"/>
    private static KitElement? RenderMenu(ActionMenu menu)
    {
        var overflow = menu.Style == MenuStyle.Overflow;
        var options = menu.Options
            .Where(o => o.ActionId.Length > 0 && !ActionMenu.IsChoice(o.ActionId))
            .Select(o => (Option: o, Value: ActionMenu.Encode(o)))
            .Where(o => o.Value.Length <= SlackLimits.MaxOptionValue)
            .Take(SlackLimits.MaxSelectOptions)
            .Select(o => (o.Option, Kit: new KitOption(TextObject.Plain(SlackText.Truncate(NonEmpty(o.Option.Label), SlackLimits.MaxOptionText)), o.Value)))
            .ToList();
        if (options.Count == 0)
        {
            return null;
        }

        if (overflow && options.Count is >= SlackLimits.MinOverflowOptions and <= SlackLimits.MaxOverflowOptions)
        {
            return new OverflowElement([.. options.Select(o => o.Kit)]);
        }

        var selected = options.Where(o => o.Option.Selected).Select(o => o.Kit).ToList();
        var placeholder = TextObject.Plain(SlackText.Truncate(NonEmpty(menu.Label), SlackLimits.MaxPlaceholder));
        return new StaticSelectElement([.. options.Select(o => o.Kit)], selected.Count == 1 ? selected[0] : null, placeholder);
    }

    /// <summary>Action ids are unique within a block: the first menu of a row is the plain choice id, later ones are numbered.</summary>
    private static string MenuActionId(int index) =>
        index == 0 ? ActionMenu.ChooseActionId : $"{ActionMenu.ChooseActionId}.{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static ButtonElement RenderButton(Button b) =>
        new(TextObject.Plain(SlackText.Truncate(NonEmpty(b.Label), SlackLimits.MaxButtonText)), b.Value, b.Style switch
        {
            ButtonStyle.Primary => "primary",
            ButtonStyle.Danger => "danger",
            _ => null,
        })
        { ActionId = b.ActionId };

    private static InputKitBlock RenderInput(FormInput input, IReadOnlyDictionary<string, string?>? submitted)
    {
        var initial = submitted is not null && submitted.TryGetValue(input.Id, out var typed) ? typed : input.Initial;
        var placeholder = string.IsNullOrWhiteSpace(input.Placeholder) ? null : TextObject.Plain(SlackText.Truncate(input.Placeholder, SlackLimits.MaxPlaceholder));
        var options = (input.Choices ?? [])
            .Where(c => c.Value.Length is > 0 and <= SlackLimits.MaxOptionValue)
            .Take(SlackLimits.MaxSelectOptions)
            .Select(c => new KitOption(TextObject.Plain(SlackText.Truncate(NonEmpty(c.Label), SlackLimits.MaxOptionText)), c.Value))
            .ToList();
        KitElement element = input.Kind switch
        {
            InputKind.Text or InputKind.Multiline => TextInput(input, initial, placeholder),
            InputKind.Select => new StaticSelectElement(options, options.FirstOrDefault(o => o.Value == initial), placeholder),
            InputKind.MultiSelect => new MultiStaticSelectElement(
                options,
                NullIfEmpty(options.Where(o => (initial ?? string.Empty).Split(FormInput.MultiSeparator).Contains(o.Value)).ToList()),
                placeholder),
            InputKind.Date => new DatePickerElement(DateOnly.TryParseExact(initial, "yyyy-MM-dd", out _) ? initial : null, placeholder),
            InputKind.User => new UsersSelectElement(string.IsNullOrWhiteSpace(initial) ? null : initial, placeholder),
            _ => throw new NotSupportedException($"Input kind {input.Kind} has no Block Kit rendering."),
        };
        return new InputKitBlock(TextObject.Plain(SlackText.Truncate(NonEmpty(input.Label), SlackLimits.MaxInputLabel)), element with { ActionId = input.Id }, !input.Required)
        {
            BlockId = input.Id,
        };
    }

    private static PlainTextInputElement TextInput(FormInput input, string? initial, TextObject? placeholder)
    {
        var max = Math.Clamp(input.MaxLength ?? SlackLimits.MaxPlainTextInputLength, 1, SlackLimits.MaxPlainTextInputLength);
        var value = string.IsNullOrEmpty(initial) ? null : initial.Length <= max ? initial : initial[..max];
        return new PlainTextInputElement(input.Kind == InputKind.Multiline ? true : null, value, max, placeholder);
    }

    private static List<KitOption>? NullIfEmpty(List<KitOption> list) => list.Count == 0 ? null : list;

    private static string NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? " " : text;
}

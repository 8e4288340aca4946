using System.Text.Json.Serialization;

namespace GtmBot.Slack.Wire;

// Only the Block Kit pieces the renderer uses, hand-written from the reference.
// https://docs.slack.dev/reference/block-kit/blocks

/// <summary>A text object: <c>plain_text</c> or <c>mrkdwn</c> (verbatim: Slack does not auto-link or parse mentions).</summary>
/// <see href="https://docs.slack.dev/reference/block-kit/composition-objects/text-object"/>
internal sealed record TextObject(string Type, string Text, bool? Verbatim = null, bool? Emoji = null)
{
    public static TextObject Plain(string text) => new("plain_text", text, Emoji: true);

    public static TextObject Mrkdwn(string text) => new("mrkdwn", text, Verbatim: true);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderKitBlock), "header")]
[JsonDerivedType(typeof(SectionKitBlock), "section")]
[JsonDerivedType(typeof(DividerKitBlock), "divider")]
[JsonDerivedType(typeof(ContextKitBlock), "context")]
[JsonDerivedType(typeof(ActionsKitBlock), "actions")]
[JsonDerivedType(typeof(InputKitBlock), "input")]
[JsonDerivedType(typeof(ImageKitBlock), "image")]
internal abstract record KitBlock
{
    public string? BlockId { get; init; }
}

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/header-block"/>
internal sealed record HeaderKitBlock(TextObject Text) : KitBlock;

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/section-block"/>
internal sealed record SectionKitBlock(TextObject? Text, IReadOnlyList<TextObject>? Fields = null) : KitBlock;

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/divider-block"/>
internal sealed record DividerKitBlock : KitBlock;

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/context-block"/>
internal sealed record ContextKitBlock(IReadOnlyList<TextObject> Elements) : KitBlock;

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/actions-block"/>
internal sealed record ActionsKitBlock(IReadOnlyList<KitElement> Elements) : KitBlock;

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/image-block"/>
internal sealed record ImageKitBlock(
    [property: JsonPropertyName("image_url")] string ImageUrl,
    [property: JsonPropertyName("alt_text")] string AltText,
    [property: JsonPropertyName("title")] TextObject? Title = null) : KitBlock;

/// <see href="https://docs.slack.dev/reference/block-kit/blocks/input-block"/>
internal sealed record InputKitBlock(TextObject Label, KitElement Element, bool Optional) : KitBlock;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(MultiStaticSelectElement), "multi_static_select")]
[JsonDerivedType(typeof(DatePickerElement), "datepicker")]
[JsonDerivedType(typeof(UsersSelectElement), "users_select")]
[JsonDerivedType(typeof(OverflowElement), "overflow")]
internal abstract record KitElement
{
    public string? ActionId { get; init; }
}

/// <see href="https://docs.slack.dev/reference/block-kit/block-elements/button-element"/>
internal sealed record ButtonElement(TextObject Text, string? Value, string? Style) : KitElement;

/// <see href="https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element"/>
internal sealed record PlainTextInputElement(bool? Multiline, string? InitialValue, int? MaxLength, TextObject? Placeholder) : KitElement;

/// <see href="https://docs.slack.dev/reference/block-kit/composition-objects/option-object"/>
internal sealed record KitOption(TextObject Text, string Value);

/// <see href="https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element"/>
internal sealed record StaticSelectElement(IReadOnlyList<KitOption> Options, KitOption? InitialOption, TextObject? Placeholder) : KitElement;

/// <see href="https://api.slack.com/reference/block-kit/block-elements#overflow"/>
internal sealed record OverflowElement(IReadOnlyList<KitOption> Options) : KitElement;

/// <see href="https://docs.slack.dev/reference/block-kit/block-elements/multi-select-menu-element"/>
internal sealed record MultiStaticSelectElement(IReadOnlyList<KitOption> Options, IReadOnlyList<KitOption>? InitialOptions, TextObject? Placeholder) : KitElement;

/// <see href="https://docs.slack.dev/reference/block-kit/block-elements/date-picker-element"/>
internal sealed record DatePickerElement(string? InitialDate, TextObject? Placeholder) : KitElement;

/// <see href="https://docs.slack.dev/reference/block-kit/block-elements/user-select-element"/>
internal sealed record UsersSelectElement(string? InitialUser, TextObject? Placeholder) : KitElement;

/// <summary>A message body: for chat.postMessage/update/postEphemeral, response_url and slash-command answers.</summary>
/// <see href="https://docs.slack.dev/reference/methods/chat.postMessage"/>
internal sealed record KitMessage(string Text, IReadOnlyList<KitBlock> Blocks);

/// <summary>A slash command's answer in the HTTP response: the message and whether the channel sees it.</summary>
/// <param name="ResponseType"><c>in_channel</c> or <c>ephemeral</c>.</param>
/// <see href="https://docs.slack.dev/interactivity/implementing-slash-commands#responding_immediate_response"/>
internal sealed record SlashResponse(string Text, IReadOnlyList<KitBlock> Blocks, string ResponseType);

/// <summary>A modal view.</summary>
/// <see href="https://docs.slack.dev/surfaces/modals"/>
internal sealed record KitView(TextObject Title, TextObject? Submit, TextObject? Close, IReadOnlyList<KitBlock> Blocks, string? CallbackId, string? PrivateMetadata)
{
    public string Type => "modal";
}

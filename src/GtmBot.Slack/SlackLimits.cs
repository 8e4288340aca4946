namespace GtmBot.Slack;

/// <summary>Slack platform limits the renderer and the endpoints keep within (Slack answers <c>invalid_blocks</c> otherwise).</summary>
public static class SlackLimits
{
    /// <see href="https://docs.slack.dev/reference/block-kit/blocks"/>
    public const int MaxBlocksPerMessage = 50;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks"/>
    public const int MaxBlocksPerModal = 100;

    /// <summary>Top-level message <c>text</c>: Slack advises at most 4,000 characters.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/chat.postMessage"/>
    public const int MaxMessageText = 4000;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/section-block"/>
    public const int MaxSectionText = 3000;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/section-block"/>
    public const int MaxSectionFields = 10;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/section-block"/>
    public const int MaxFieldText = 2000;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/header-block"/>
    public const int MaxHeaderText = 150;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/context-block"/>
    public const int MaxContextElements = 10;

    /// <summary>An image block's address and its alt text.</summary>
    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/image-block"/>
    public const int MaxImageUrl = 3000;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/image-block"/>
    public const int MaxImageAltText = 2000;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/image-block"/>
    public const int MaxImageTitle = 2000;

    /// <summary>Any text object (plain_text / mrkdwn).</summary>
    /// <see href="https://docs.slack.dev/reference/block-kit/composition-objects/text-object"/>
    public const int MaxTextObject = 3000;

    /// <summary>Interactive elements (buttons, selects, overflow menus) in one actions block.</summary>
    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/actions-block"/>
    public const int MaxActionsElements = 25;

    /// <summary>An overflow menu holds at least 2 and at most 5 options; a menu outside that range is shown as a static select.</summary>
    /// <see href="https://api.slack.com/reference/block-kit/block-elements#overflow"/>
    public const int MinOverflowOptions = 2;

    /// <inheritdoc cref="MinOverflowOptions"/>
    /// <see href="https://api.slack.com/reference/block-kit/block-elements#overflow"/>
    public const int MaxOverflowOptions = 5;

    /// <see href="https://docs.slack.dev/reference/block-kit/block-elements/button-element"/>
    public const int MaxButtonText = 75;

    /// <see href="https://docs.slack.dev/reference/block-kit/block-elements/button-element"/>
    public const int MaxButtonValue = 2000;

    /// <summary>Also the limit of <c>block_id</c>.</summary>
    /// <see href="https://docs.slack.dev/reference/block-kit/block-elements/button-element"/>
    public const int MaxActionId = 255;

    /// <summary>Options of a static select (in a form or as a menu of actions in a message).</summary>
    /// <see href="https://api.slack.com/reference/block-kit/block-elements#static_select"/>
    public const int MaxSelectOptions = 100;

    /// <see href="https://docs.slack.dev/reference/block-kit/composition-objects/option-object"/>
    public const int MaxOptionText = 75;

    /// <see href="https://docs.slack.dev/reference/block-kit/composition-objects/option-object"/>
    public const int MaxOptionValue = 150;

    /// <see href="https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element"/>
    public const int MaxPlaceholder = 150;

    /// <see href="https://docs.slack.dev/reference/block-kit/blocks/input-block"/>
    public const int MaxInputLabel = 2000;

    /// <see href="https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element"/>
    public const int MaxPlainTextInputLength = 3000;

    /// <summary>
    /// Longest id (team, user, channel, timestamp, event) accepted from Slack. Slack publishes no length for its own ids and has
    /// lengthened them before (channel ids grew past 9 characters), so this is generous: the limit it sets for the ids an app
    /// chooses (<see cref="MaxActionId"/>, <see cref="MaxCallbackId"/>). Today's ids are 9–20 characters.
    /// </summary>
    public const int MaxIdLength = 255;

    /// <summary>Modal <c>title</c>, <c>submit</c> and <c>close</c>.</summary>
    /// <see href="https://docs.slack.dev/surfaces/modals"/>
    public const int MaxModalTitle = 24;

    /// <see href="https://docs.slack.dev/surfaces/modals"/>
    public const int MaxPrivateMetadata = 3000;

    /// <see href="https://docs.slack.dev/surfaces/modals"/>
    public const int MaxCallbackId = 255;

    /// <summary>Slack needs the acknowledgement of every request within 3 seconds.</summary>
    /// <see href="https://docs.slack.dev/interactivity/handling-user-interaction"/>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>Largest request body the endpoint reads; Slack's payloads are a few KB (a modal state stays far below).</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The ellipsis that marks truncated text.</summary>
    public const string Ellipsis = "…";
}

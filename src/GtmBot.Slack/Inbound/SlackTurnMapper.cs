using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Wire;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// Slack payloads to neutral <see cref="Turn"/>s. Pure functions, used by HTTP and Socket Mode alike.
/// Conversation key: platform <c>slack</c>, workspace = team id (the org id for org-wide payloads without a team), channel id, thread ts.
/// </summary>
internal static partial class SlackTurnMapper
{
    /// <summary>The callback id of the "Tag as customer quote" message shortcut (as in the manifest).</summary>
    public const string QuoteShortcutCallbackId = "tag_customer_quote";

    public static string Workspace(string? teamId, string? enterpriseId) =>
        !string.IsNullOrEmpty(teamId) ? teamId : enterpriseId ?? throw new FormatException("The payload names no team.");

    /// <summary><c>/gtm canvas</c> → <c>CommandInput("canvas")</c>; slash commands cannot be used in threads, so no thread.</summary>
    /// <see href="https://docs.slack.dev/interactivity/implementing-slash-commands"/>
    public static Turn FromSlash(SlashCommand c, TurnUser user, string? locale) =>
        new(new ConversationKey(Platforms.Slack, Workspace(c.TeamId, c.EnterpriseId), c.ChannelId!), user, c.Locale ?? locale, new CommandInput(SlackTurnText.Neutral(c.Text).Trim()));

    /// <summary>
    /// A button or select in a message: action id, its value, and the values of any inputs in the message. The "try again"
    /// button of a form that did not open carries the original input; null when its value is not one of ours.
    /// </summary>
    /// <see href="https://docs.slack.dev/reference/interaction-payloads/block_actions-payload"/>
    public static Turn? FromBlockAction(InteractionPayload p, ActionRef action, ModalMetadata? modal, TurnUser user, string? locale)
    {
        var channel = modal?.C ?? p.Container?.ChannelId ?? p.Channel?.Id ?? throw new FormatException("block_actions without a channel.");
        var thread = modal is not null ? modal.T : p.Container?.ThreadTs ?? p.Message?.ThreadTs;
        var key = new ConversationKey(Platforms.Slack, Workspace(p.Team?.Id ?? p.User?.TeamId, p.Team?.EnterpriseId ?? p.Enterprise?.Id), channel, thread);
        var value = action.Value ?? action.SelectedOption?.Value ?? action.SelectedDate ?? action.SelectedUser ?? Join(action.SelectedOptions);
        var state = modal is not null ? p.View?.State : p.State;
        var source = modal?.M ?? p.Container?.MessageTs ?? p.Message?.Ts;
        TurnInput? input = action.ActionId == SlackModals.RetryActionId ? SlackModals.ReadRetry(value) : new ActionInput(action.ActionId!, value, FormValues(state));
        return input is null ? null : new Turn(key, user, p.Locale ?? p.User?.Locale ?? locale, input, source);
    }

    /// <summary>A modal submit: the form's action id (callback_id), its value (private_metadata) and the inputs.</summary>
    /// <see href="https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload"/>
    public static Turn FromViewSubmission(InteractionPayload p, ModalMetadata modal, TurnUser user, string? locale)
    {
        var key = new ConversationKey(Platforms.Slack, Workspace(p.Team?.Id ?? p.User?.TeamId, p.Team?.EnterpriseId ?? p.Enterprise?.Id), modal.C, modal.T);
        return new Turn(key, user, p.Locale ?? p.User?.Locale ?? locale, new ActionInput(p.View!.CallbackId!, modal.V, FormValues(p.View.State)), modal.M);
    }

    /// <summary>The message shortcut "Tag as customer quote" → the quote flow's capture action.</summary>
    /// <see href="https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload"/>
    public static Turn FromQuoteShortcut(InteractionPayload p, string? permalink, TurnUser user, string? locale)
    {
        var message = p.Message ?? throw new FormatException("message_action without a message.");
        var channel = p.Channel?.Id ?? throw new FormatException("message_action without a channel.");
        var key = new ConversationKey(Platforms.Slack, Workspace(p.Team?.Id ?? p.User?.TeamId, p.Team?.EnterpriseId ?? p.Enterprise?.Id), channel, message.ThreadTs);
        return new Turn(key, user, p.Locale ?? p.User?.Locale ?? locale, QuoteAction(message, permalink, "shortcut"), message.Ts ?? p.MessageTs);
    }

    /// <summary>A reaction with the quote emoji on a message the bot read back → the quote flow's capture action.</summary>
    public static Turn FromQuoteReaction(string workspace, string channel, MessageRef message, string? permalink, TurnUser user, string? locale) =>
        new(new ConversationKey(Platforms.Slack, workspace, channel, message.ThreadTs), user, locale, QuoteAction(message, permalink, "reaction"), message.Ts);

    /// <summary>An @mention: the text after the bot's mention is the command (<c>@gtm canvas</c> = <c>/gtm canvas</c>); replies go in its thread.</summary>
    /// <see href="https://docs.slack.dev/reference/events/app_mention"/>
    public static Turn FromMention(string workspace, SlackEvent e, TurnUser user, string? locale)
    {
        var text = LeadingMentions().Replace(e.Text ?? string.Empty, string.Empty);
        return new Turn(new ConversationKey(Platforms.Slack, workspace, e.ChannelId!, e.ThreadTs ?? e.Ts), user, locale, new CommandInput(SlackTurnText.Neutral(text).Trim()), e.Ts);
    }

    /// <summary>state.values → form fields keyed by block id (the renderer uses the input id for both block and action id).</summary>
    public static Dictionary<string, string?> FormValues(ViewState? state)
    {
        var form = new Dictionary<string, string?>();
        if (state?.Values is null)
        {
            return form;
        }

        // A block or an action that is JSON null carries nothing: skipped, like an absent one.
        foreach (var (blockId, actions) in state.Values)
        {
            if (actions is null)
            {
                continue;
            }

            foreach (var (actionId, v) in actions)
            {
                if (v is null)
                {
                    continue;
                }

                var value = v.Value ?? v.SelectedOption?.Value ?? v.SelectedDate ?? v.SelectedUser ?? Join(v.SelectedOptions)
                    ?? (v.SelectedUsers is { } users ? string.Join(FormInput.MultiSeparator, users.OfType<string>()) : null);
                form[actions.Count == 1 ? blockId : $"{blockId}.{actionId}"] = value;
            }
        }

        return form;
    }

    /// <summary>The values of a multi-select; null entries (malformed) are skipped.</summary>
    private static string? Join(IReadOnlyList<OptionRef?>? options) =>
        options is null ? null : string.Join(FormInput.MultiSeparator, options.Select(o => o?.Value).OfType<string>());

    public static ModalMetadata? ReadMetadata(string? privateMetadata)
    {
        if (string.IsNullOrEmpty(privateMetadata))
        {
            return null;
        }

        try
        {
            // Without the channel it is not a modal we opened (every one of ours names it).
            var metadata = JsonSerializer.Deserialize(privateMetadata, SlackJson.Default.ModalMetadata);
            return string.IsNullOrEmpty(metadata?.C) ? null : metadata;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ActionInput QuoteAction(MessageRef message, string? permalink, string source)
    {
        var form = new Dictionary<string, string?>
        {
            // The captured message is kept as Slack wrote it (entities decoded): the quote tagger strips pasted markup itself,
            // as its features were trained to (QuoteMarkup), so its text is content, not a command to make neutral.
            [QuoteCapture.Text] = SlackText.Unescape(message.Text ?? string.Empty),
            [QuoteCapture.Author] = message.User ?? message.BotId,
            [QuoteCapture.AuthorName] = message.Username,
            [QuoteCapture.Permalink] = permalink,
            [QuoteCapture.MessageId] = message.Ts,
            [QuoteCapture.Source] = source,
        };
        return new ActionInput(QuoteCapture.ActionId, null, form);
    }

    [GeneratedRegex(@"^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+")]
    private static partial Regex LeadingMentions();
}

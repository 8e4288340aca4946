using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Protocol;

namespace GtmBot.Teams;

/// <summary>What an inbound activity asks for, before anything is done about it.</summary>
internal abstract record Route;

/// <summary>A command or an action for the engine.</summary>
/// <param name="Turn">The neutral turn.</param>
/// <param name="Kind">How it arrived, which decides how the answer goes back.</param>
internal sealed record TurnRoute(Turn Turn, TurnKind Kind) : Route;

internal enum TurnKind
{
    /// <summary>A message with a command: replies go into the conversation.</summary>
    Message,
    /// <summary>Action.Submit (a message with <c>value</c>): replies go into the conversation; replace-original updates the card.</summary>
    Submit,
    /// <summary><c>adaptiveCard/action</c>: the refreshed card is the invoke's response.</summary>
    CardAction,
    /// <summary>The message action "Tag as customer quote" submitted.</summary>
    MessageAction,
}

/// <summary>The bot joined a conversation or was installed: say hello and remember the conversation.</summary>
internal sealed record WelcomeRoute : Route;

/// <summary>The message action was opened: answer with its dialog.</summary>
internal sealed record FetchTaskRoute(string Text, string? CommandId) : Route;

/// <summary>Nothing to do (logged once, answered 200; invokes get <see cref="IsInvoke"/> handling).</summary>
internal sealed record IgnoredRoute(string Reason, bool IsInvoke = false) : Route;

/// <summary>Maps Teams activities to neutral turns: one mapping for every kind of activity.</summary>
internal static partial class ActivityMapper
{
    /// <inheritdoc cref="TeamsManifest.QuoteCommandId"/>
    public const string QuoteCommandId = TeamsManifest.QuoteCommandId;

    /// <summary>Marks the root message of a channel thread inside a conversation id.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages"/>
    public const string ThreadMarker = ";messageid=";

    public static Route Map(Activity a)
    {
        switch (a.Type)
        {
            case ActivityTypes.Message:
                return MapMessage(a);
            case ActivityTypes.ConversationUpdate:
                return a.MembersAdded?.Any(m => m.Id is not null && m.Id == a.Recipient?.Id) == true
                    ? new WelcomeRoute()
                    : new IgnoredRoute("conversationUpdate without the bot joining");
            case ActivityTypes.InstallationUpdate:
                return string.Equals(a.Action, "add", StringComparison.OrdinalIgnoreCase) ? new WelcomeRoute() : new IgnoredRoute($"installationUpdate {a.Action}");
            case ActivityTypes.Invoke:
                return MapInvoke(a);
            default:
                return new IgnoredRoute($"activity type {a.Type}");
        }
    }

    /// <summary>Platform "teams", workspace = tenant, channel = conversation id without the thread, thread = root message id.</summary>
    public static ConversationKey Conversation(Activity a)
    {
        var tenant = a.Conversation?.TenantId ?? a.ChannelData?.Tenant?.Id ?? "unknown";
        var (channel, thread) = SplitConversationId(a.Conversation?.Id ?? string.Empty);
        return new ConversationKey(Platforms.Teams, tenant, channel, thread);
    }

    public static (string Channel, string? Thread) SplitConversationId(string id)
    {
        var i = id.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        return i < 0 ? (id, null) : (id[..i], id[(i + ThreadMarker.Length)..]);
    }

    /// <summary>The conversation id for a key: the thread's id for a channel thread.</summary>
    public static string ConversationId(ConversationKey key) => key.Thread is null ? key.Channel : key.Channel + ThreadMarker + key.Thread;

    public static TurnUser User(Activity a)
    {
        var id = a.From?.AadObjectId ?? a.From?.Id ?? "unknown";
        var tz = a.Extra is not null && a.Extra.TryGetValue("localTimezone", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new TurnUser(id, a.From?.Name, tz);
    }

    public static string? Locale(Activity a)
    {
        if (a.Locale is not null)
        {
            return a.Locale;
        }

        var info = a.Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Extra;
        return info is not null && info.TryGetValue("locale", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
    }

    /// <summary>
    /// The command text of a message, neutral: the @mentions of the bot removed, every other @mention the engine's
    /// <c>@[id]</c> (entities name the exact text and the person), then the HTML as plain text.
    /// </summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#retrieve-mentions"/>
    public static string CommandText(Activity a)
    {
        var text = a.Text ?? string.Empty;
        foreach (var mention in a.Entities ?? [])
        {
            if (mention.Type == "mention" && mention.Mentioned?.Id is { } id)
            {
                var tag = mention.Text ?? $"<at>{mention.Mentioned.Name}</at>";
                var neutral = id == a.Recipient?.Id ? string.Empty : Markup.Mention(mention.Mentioned.AadObjectId ?? id);
                text = text.Replace(tag, neutral, StringComparison.OrdinalIgnoreCase);
            }
        }

        return HtmlToText(text);
    }

    /// <summary>Plain text of a Teams HTML message body (the message action's payload).</summary>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = LineBreaks().Replace(html, "\n");
        text = Tags().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text).Replace('\u00a0', ' ').Trim();
    }

    private static Route MapMessage(Activity a)
    {
        var key = Conversation(a);
        var user = User(a);
        var locale = Locale(a);
        if (a.Value is { ValueKind: JsonValueKind.Object } value)
        {
            // Action.Submit of our cards names the action; a foreign messageBack without one is handled as its text.
            if (ActionFromData(value, verb: null) is { } action)
            {
                return new TurnRoute(new Turn(key, user, locale, action, a.ReplyToId), TurnKind.Submit);
            }
        }

        var personal = string.Equals(a.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        var mentioned = a.Entities?.Any(e => e.Type == "mention" && e.Mentioned?.Id is { } id && id == a.Recipient?.Id) == true;
        if (!personal && !mentioned)
        {
            return new IgnoredRoute("channel message without an @mention of the bot");
        }

        var text = CommandText(a);
        return new TurnRoute(new Turn(key, user, locale, new CommandInput(text)), TurnKind.Message);
    }

    private static Route MapInvoke(Activity a)
    {
        var key = Conversation(a);
        switch (a.Name)
        {
            case InvokeNames.AdaptiveCardAction:
                {
                    var value = a.Value is { ValueKind: JsonValueKind.Object } v ? v.Deserialize(TeamsJson.Default.AdaptiveCardInvokeValue) : null;
                    if (value?.Action is not { } act || act.Type is not "Action.Execute")
                    {
                        return new IgnoredRoute("adaptiveCard/action without Action.Execute", IsInvoke: true);
                    }

                    var data = act.Data is { ValueKind: JsonValueKind.Object } d ? d : default;
                    var input = ActionFromData(data, act.Verb);
                    return input is null
                        ? new IgnoredRoute("Action.Execute without a verb", IsInvoke: true)
                        : new TurnRoute(new Turn(key, User(a), Locale(a), input, a.ReplyToId), TurnKind.CardAction);
                }

            case InvokeNames.FetchTask:
                {
                    var me = MessageAction(a);
                    return new FetchTaskRoute(HtmlToText(me?.MessagePayload?.Body?.Content), me?.CommandId);
                }

            case InvokeNames.SubmitAction:
                {
                    var me = MessageAction(a);
                    if (me?.MessagePayload is not { } payload)
                    {
                        return new IgnoredRoute("submitAction without a message payload", IsInvoke: true);
                    }

                    var form = new Dictionary<string, string?>
                    {
                        [QuoteCapture.Text] = HtmlToText(payload.Body?.Content),
                        [QuoteCapture.Author] = payload.From?.User?.Id,
                        [QuoteCapture.AuthorName] = payload.From?.User?.DisplayName,
                        [QuoteCapture.Permalink] = payload.LinkToMessage,
                        [QuoteCapture.MessageId] = payload.Id,
                        [QuoteCapture.Source] = "message-action",
                    };
                    if (me.Data is { ValueKind: JsonValueKind.Object } data)
                    {
                        foreach (var p in data.EnumerateObject())
                        {
                            if (p.Name is QuoteCapture.Customer)
                            {
                                form[QuoteCapture.Customer] = StringOf(p.Value);
                            }
                        }
                    }

                    var input = new ActionInput(QuoteCapture.ActionId, null, form);
                    return new TurnRoute(new Turn(key, User(a), Locale(a), input, payload.Id), TurnKind.MessageAction);
                }

            default:
                return new IgnoredRoute($"invoke {a.Name}", IsInvoke: true);
        }
    }

    private static MessagingExtensionAction? MessageAction(Activity a) =>
        a.Value is { ValueKind: JsonValueKind.Object } v ? v.Deserialize(TeamsJson.Default.MessagingExtensionAction) : null;

    /// <summary>An action from card data: our own keys name the action and value, every other key is an input.</summary>
    private static ActionInput? ActionFromData(JsonElement data, string? verb)
    {
        string? actionId = verb;
        string? value = null;
        var form = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in data.EnumerateObject())
            {
                switch (p.Name)
                {
                    case AdaptiveCardLimits.ActionKey:
                        actionId ??= StringOf(p.Value);
                        break;
                    case AdaptiveCardLimits.ValueKey:
                        value = StringOf(p.Value);
                        break;
                    case "verb":
                        actionId ??= StringOf(p.Value);
                        break;
                    case "msteams":
                        break;
                    default:
                        form[p.Name] = StringOf(p.Value);
                        break;
                }
            }
        }

        return string.IsNullOrWhiteSpace(actionId) ? null : new ActionInput(actionId, value, form);
    }

    private static string? StringOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };

    [GeneratedRegex(@"<\s*(br|/p|/div)\s*/?\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}

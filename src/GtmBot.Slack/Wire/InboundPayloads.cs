using System.Text.Json;
using System.Text.Json.Serialization;

namespace GtmBot.Slack.Wire;

// Inbound payloads, hand-written from the docs. Unknown fields land in Extra so a new Slack field never breaks parsing.

/// <summary>A slash command (form fields over HTTP, a JSON object in Socket Mode).</summary>
/// <see href="https://docs.slack.dev/interactivity/implementing-slash-commands"/>
internal sealed record SlashCommand(
    string? TeamId,
    string? EnterpriseId,
    string? ChannelId,
    string? UserId,
    string? UserName,
    string? Command,
    string? Text,
    string? ResponseUrl,
    string? TriggerId,
    string? ApiAppId,
    bool IsEnterpriseInstall,
    string? Locale)
{
    /// <summary>Builds the command from its named fields (form body or the JSON object of a socket envelope).</summary>
    public static SlashCommand? FromFields(Func<string, string?> field)
    {
        if (string.IsNullOrEmpty(field("command")) || string.IsNullOrEmpty(field("team_id")) || string.IsNullOrEmpty(field("channel_id")) || string.IsNullOrEmpty(field("user_id")))
        {
            return null;
        }

        return new SlashCommand(
            field("team_id"), field("enterprise_id"), field("channel_id"), field("user_id"), field("user_name"), field("command"), field("text"),
            field("response_url"), field("trigger_id"), field("api_app_id"), string.Equals(field("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase), field("locale"));
    }
}

/// <summary>An interaction: block_actions, view_submission, view_closed, shortcut, message_action.</summary>
/// <see href="https://docs.slack.dev/interactivity/handling-user-interaction"/>
internal sealed record InteractionPayload
{
    public string? Type { get; init; }
    public TeamRef? Team { get; init; }
    public UserRef? User { get; init; }
    public EnterpriseRef? Enterprise { get; init; }
    public bool? IsEnterpriseInstall { get; init; }
    public string? ApiAppId { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    public ChannelRef? Channel { get; init; }
    public ContainerRef? Container { get; init; }
    public MessageRef? Message { get; init; }
    public ViewRef? View { get; init; }
    public ViewState? State { get; init; }
    public IReadOnlyList<ActionRef?>? Actions { get; init; }
    public string? CallbackId { get; init; }
    public string? MessageTs { get; init; }
    public string? Locale { get; init; }
    public bool? IsCleared { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record TeamRef(string? Id, string? Domain, string? EnterpriseId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record EnterpriseRef(string? Id, string? Name)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record UserRef(string? Id, string? Username, string? Name, string? TeamId, string? Locale)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record ChannelRef(string? Id, string? Name)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record ContainerRef(string? Type, string? MessageTs, string? ChannelId, bool? IsEphemeral, string? ThreadTs, string? ViewId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A message as Slack shows it to apps (shortcut payloads, conversations.history).</summary>
internal sealed record MessageRef(string? Type, string? Subtype, string? User, string? BotId, string? Username, string? Text, string? Ts, string? ThreadTs)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record ViewRef(string? Id, string? Type, string? CallbackId, string? PrivateMetadata, ViewState? State, string? Hash, string? RootViewId, string? ExternalId, string? TeamId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record ViewState(Dictionary<string, Dictionary<string, StateValue?>?>? Values);

/// <summary>The current value of one input; which property is set depends on the element type.</summary>
internal sealed record StateValue(
    string? Type,
    string? Value,
    OptionRef? SelectedOption,
    IReadOnlyList<OptionRef?>? SelectedOptions,
    string? SelectedDate,
    string? SelectedUser,
    IReadOnlyList<string?>? SelectedUsers)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record OptionRef(PlainText? Text, string? Value);

internal sealed record PlainText(string? Type, string? Text)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record ActionRef(string? ActionId, string? BlockId, string? Type, string? Value, OptionRef? SelectedOption, IReadOnlyList<OptionRef?>? SelectedOptions, string? SelectedDate, string? SelectedUser, string? ActionTs)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An Events API request: <c>url_verification</c> or <c>event_callback</c>.</summary>
/// <see href="https://docs.slack.dev/apis/events-api/"/>
internal sealed record EventEnvelope
{
    public string? Type { get; init; }
    public string? Challenge { get; init; }
    public string? TeamId { get; init; }
    public string? EnterpriseId { get; init; }
    public string? ApiAppId { get; init; }
    public SlackEvent? Event { get; init; }
    public string? EventId { get; init; }
    public long? EventTime { get; init; }
    public IReadOnlyList<Authorization>? Authorizations { get; init; }
    public bool? IsExtSharedChannel { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record Authorization(string? EnterpriseId, string? TeamId, string? UserId, bool? IsBot, bool? IsEnterpriseInstall);

/// <summary>The inner event. <c>user</c> and <c>channel</c> are strings for the events we handle and objects for some others.</summary>
internal sealed record SlackEvent
{
    public string? Type { get; init; }
    public string? Subtype { get; init; }
    public JsonElement? User { get; init; }
    public JsonElement? Channel { get; init; }
    public string? Text { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? EventTs { get; init; }
    public string? BotId { get; init; }
    public string? Reaction { get; init; }
    public string? ItemUser { get; init; }
    public ReactionItem? Item { get; init; }
    public RevokedTokens? Tokens { get; init; }
    public string? ChannelType { get; init; }
    public string? Team { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public string? UserId => User is { ValueKind: JsonValueKind.String } u ? u.GetString() : null;

    public string? ChannelId => Channel is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
}

internal sealed record ReactionItem(string? Type, string? Channel, string? Ts);

internal sealed record RevokedTokens(IReadOnlyList<string>? Oauth, IReadOnlyList<string>? Bot);

/// <summary>A Socket Mode frame: hello, disconnect, or an envelope to acknowledge.</summary>
/// <see href="https://docs.slack.dev/apis/events-api/using-socket-mode"/>
internal sealed record SocketFrame
{
    public string? Type { get; init; }
    public string? EnvelopeId { get; init; }
    public JsonElement? Payload { get; init; }
    public bool? AcceptsResponsePayload { get; init; }
    public int? RetryAttempt { get; init; }
    public string? RetryReason { get; init; }
    public string? Reason { get; init; }
    public int? NumConnections { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>What the app sends back for an envelope.</summary>
internal sealed record SocketAck(string EnvelopeId, System.Text.Json.Nodes.JsonObject? Payload);

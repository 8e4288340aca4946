using System.Text.Json;
using System.Text.Json.Serialization;

namespace GtmBot.Teams.Protocol;

/// <summary>
/// The Bot Framework Activity, only the fields GtmBot reads or writes; everything else is kept in <see cref="Extra"/>.
/// </summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object"/>
internal sealed record Activity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; init; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; init; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; init; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("textFormat")]
    public string? TextFormat { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; init; }

    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("membersAdded")]
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    [JsonPropertyName("entities")]
    public IReadOnlyList<Entity>? Entities { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonPropertyName("channelData")]
    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>Action.Submit data (message) or the invoke's payload.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// Longest id (activity, conversation, account, tenant, team, channel) accepted. The Bot Framework publishes no length for
    /// them; Teams' longest today are conversation ids of about 150 characters. A longer one is not an id the service sends,
    /// and would become a cache key or a stored row the size of the request.
    /// </summary>
    public const int MaxIdLength = 1024;

    /// <summary>The first id longer than <see cref="MaxIdLength"/>, or null.</summary>
    public string? OversizedId() =>
        new[]
        {
            Id, ReplyToId, From?.Id, From?.AadObjectId, Recipient?.Id, Conversation?.Id, Conversation?.TenantId,
            ChannelData?.Tenant?.Id, ChannelData?.Team?.Id, ChannelData?.Channel?.Id,
        }.FirstOrDefault(id => id?.Length > MaxIdLength);
}

/// <summary>Activity types GtmBot handles.</summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-activities"/>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

/// <summary>Invoke names GtmBot answers.</summary>
internal static class InvokeNames
{
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards"/>
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <see href="https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module"/>
    public const string FetchTask = "composeExtension/fetchTask";

    /// <see href="https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit"/>
    public const string SubmitAction = "composeExtension/submitAction";
}

internal sealed record ChannelAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record ConversationAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; init; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An entity; GtmBot reads <c>mention</c> (who was @mentioned, and the exact text to strip).</summary>
internal sealed record Entity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("mentioned")]
    public ChannelAccount? Mentioned { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record Attachment
{
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    [JsonPropertyName("content")]
    public JsonElement? Content { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Teams' channelData.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#teams-channel-data"/>
internal sealed record TeamsChannelData
{
    [JsonPropertyName("tenant")]
    public IdRef? Tenant { get; init; }

    [JsonPropertyName("team")]
    public IdRef? Team { get; init; }

    [JsonPropertyName("channel")]
    public IdRef? Channel { get; init; }

    [JsonPropertyName("eventType")]
    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record IdRef
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

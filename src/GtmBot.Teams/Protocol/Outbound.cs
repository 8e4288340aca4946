using System.Text.Json;
using System.Text.Json.Serialization;

namespace GtmBot.Teams.Protocol;

/// <summary>An activity the bot sends (reply, update, typing).</summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-send-and-receive-messages"/>
internal sealed record OutboundActivity
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; init; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; init; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; init; }

    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<CardAttachment>? Attachments { get; init; }
}

/// <summary>An attachment carrying an Adaptive Card.</summary>
internal sealed record CardAttachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] JsonElement Content);

/// <summary>The connector's answer to a send: the new activity's id.</summary>
internal sealed record ResourceResponse([property: JsonPropertyName("id")] string? Id)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>
/// Creates a conversation: for a channel, a new thread whose first post is <see cref="Activity"/>; with one of
/// <see cref="Members"/> and <see cref="IsGroup"/> false, the bot's 1:1 chat with that person (the same one every time).
/// </summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages"/>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#create-conversation"/>
internal sealed record ConversationParameters
{
    [JsonPropertyName("isGroup")]
    public bool IsGroup { get; init; }

    [JsonPropertyName("members")]
    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    [JsonPropertyName("channelData")]
    public TeamsChannelData? ChannelData { get; init; }

    [JsonPropertyName("activity")]
    public OutboundActivity? Activity { get; init; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; init; }
}

/// <summary>The answer to a create-conversation: the thread id and the first post's activity id.</summary>
internal sealed record ConversationResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("activityId")]
    public string? ActivityId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The token endpoint's client-credentials answer.</summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector"/>
internal sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

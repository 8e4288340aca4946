using System.Text.Json.Serialization;

namespace GtmBot.Teams.Protocol;

/// <summary>
/// What the bot needs to post into a conversation later, stored per channel (or chat).
/// </summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#get-the-conversation-reference"/>
internal sealed record TeamsConversationReference(
    [property: JsonPropertyName("serviceUrl")] string ServiceUrl,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("conversationType")] string? ConversationType,
    [property: JsonPropertyName("tenantId")] string? TenantId,
    [property: JsonPropertyName("botId")] string? BotId,
    [property: JsonPropertyName("botName")] string? BotName,
    [property: JsonPropertyName("teamId")] string? TeamId,
    [property: JsonPropertyName("locale")] string? Locale)
{
    /// <summary>Teams' conversation type of a channel.</summary>
    public const string ChannelType = "channel";

    [JsonIgnore]
    public bool IsChannel => string.Equals(ConversationType, ChannelType, StringComparison.OrdinalIgnoreCase);
}

using System.Text.Json.Serialization;

namespace GtmBot.Teams.Protocol;

/// <summary>
/// What the bot needs to post into a conversation later, stored per channel (or chat). A person's reference (stored under
/// <see cref="GtmBot.Engine.ConversationKey.Direct"/>) also names their Teams user id (<c>29:…</c>), which the connector
/// takes as a member, and once known the id of the bot's 1:1 chat with them.
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
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("userId")] string? UserId = null)
{
    /// <summary>Teams' conversation type of a 1:1 chat with the bot.</summary>
    public const string PersonalType = "personal";

    /// <summary>Teams' conversation type of a channel.</summary>
    public const string ChannelType = "channel";

    [JsonIgnore]
    public bool IsChannel => string.Equals(ConversationType, ChannelType, StringComparison.OrdinalIgnoreCase);
}

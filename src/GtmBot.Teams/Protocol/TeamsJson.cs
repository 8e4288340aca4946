using System.Text.Json.Serialization;
using GtmBot.Teams.Cards;

namespace GtmBot.Teams.Protocol;

/// <summary>Source-generated JSON for every wire type of the Teams edge.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(OutboundActivity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(TaskModuleResponse))]
[JsonSerializable(typeof(TaskModuleTaskInfo))]
[JsonSerializable(typeof(MessagingExtensionAction))]
[JsonSerializable(typeof(TeamsConversationReference))]
[JsonSerializable(typeof(string))]
internal sealed partial class TeamsJson : JsonSerializerContext;

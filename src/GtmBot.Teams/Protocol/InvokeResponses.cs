using System.Text.Json;
using System.Text.Json.Serialization;
using GtmBot.Teams.Cards;

namespace GtmBot.Teams.Protocol;

/// <summary>The body answering an <c>adaptiveCard/action</c> invoke: a refreshed card, a message, or an error.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards#adaptivecardaction-invoke-activity"/>
internal sealed record AdaptiveCardInvokeResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] JsonElement Value)
{
    public const string CardType = AdaptiveCardLimits.ContentType;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
}

/// <summary>The body answering a message extension's fetchTask / submitAction: a dialog to show or a message.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module#respond-to-the-fetchtask"/>
internal sealed record TaskModuleResponse([property: JsonPropertyName("task")] TaskModuleResponseBody Task);

internal sealed record TaskModuleResponseBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] JsonElement Value);

/// <summary>A dialog (task module) showing a card.</summary>
internal sealed record TaskModuleTaskInfo(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("card")] CardAttachment Card)
{
    [JsonPropertyName("height")]
    public string Height { get; init; } = "medium";

    [JsonPropertyName("width")]
    public string Width { get; init; } = "medium";
}

/// <summary>The <c>value</c> of a message extension invoke.</summary>
internal sealed record MessagingExtensionAction
{
    [JsonPropertyName("commandId")]
    public string? CommandId { get; init; }

    [JsonPropertyName("commandContext")]
    public string? CommandContext { get; init; }

    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }

    [JsonPropertyName("messagePayload")]
    public MessagePayload? MessagePayload { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>The message a message action was run on.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module#payload-activity-properties-when-a-dialog-is-invoked-from-a-message"/>
internal sealed record MessagePayload
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("linkToMessage")]
    public string? LinkToMessage { get; init; }

    [JsonPropertyName("body")]
    public MessagePayloadBody? Body { get; init; }

    [JsonPropertyName("from")]
    public MessagePayloadFrom? From { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record MessagePayloadBody(
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("content")] string? Content);

internal sealed record MessagePayloadFrom
{
    [JsonPropertyName("user")]
    public MessagePayloadUser? User { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record MessagePayloadUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("displayName")] string? DisplayName);

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke.</summary>
internal sealed record AdaptiveCardInvokeValue
{
    [JsonPropertyName("action")]
    public AdaptiveCardInvokeAction? Action { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

internal sealed record AdaptiveCardInvokeAction
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("verb")]
    public string? Verb { get; init; }

    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

using System.Text.Json.Serialization;

namespace GtmBot.Slack.Wire;

/// <summary>Source-generated JSON of every wire type: snake_case names, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(SocketFrame))]
[JsonSerializable(typeof(KitMessage))]
[JsonSerializable(typeof(SlashResponse))]
[JsonSerializable(typeof(KitView))]
[JsonSerializable(typeof(KitBlock))]
[JsonSerializable(typeof(MessageRef))]
[JsonSerializable(typeof(ModalMetadata))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
internal sealed partial class SlackJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace GtmBot.Engine.Summaries;

/// <summary>The model's answer, as our JSON schema (<see cref="LlmSummarySchema"/>) describes it.</summary>
internal sealed record LlmSummaryDto(
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("themes")] IReadOnlyList<LlmThemeDto>? Themes,
    [property: JsonPropertyName("pains")] IReadOnlyList<string>? Pains,
    [property: JsonPropertyName("requests")] IReadOnlyList<string>? Requests)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>One theme in the model's answer.</summary>
internal sealed record LlmThemeDto(
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string>? Keywords,
    [property: JsonPropertyName("customers")] IReadOnlyList<string>? Customers,
    [property: JsonPropertyName("distinct_customers")] int DistinctCustomers,
    [property: JsonPropertyName("mentions")] int Mentions,
    [property: JsonPropertyName("motive")] string? Motive,
    [property: JsonPropertyName("quotes")] IReadOnlyList<string>? Quotes,
    [property: JsonPropertyName("moscow")] string? Moscow)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(LlmSummaryDto))]
internal sealed partial class LlmSummaryJsonContext : JsonSerializerContext;

/// <summary>The JSON schema the model must answer in (OpenAI structured outputs, strict mode).</summary>
internal static class LlmSummarySchema
{
    public const string Name = "feedback_summary";

    public const string Text = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["language", "themes", "pains", "requests"],
          "properties": {
            "language": { "type": "string", "enum": ["en", "zh"] },
            "themes": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["label", "keywords", "customers", "distinct_customers", "mentions", "motive", "quotes", "moscow"],
                "properties": {
                  "label": { "type": "string" },
                  "keywords": { "type": "array", "items": { "type": "string" } },
                  "customers": { "type": "array", "items": { "type": "string" } },
                  "distinct_customers": { "type": "integer" },
                  "mentions": { "type": "integer" },
                  "motive": { "type": "string", "enum": ["need", "want"] },
                  "quotes": { "type": "array", "items": { "type": "string" } },
                  "moscow": { "type": "string", "enum": ["must", "should", "could", "wont"] }
                }
              }
            },
            "pains": { "type": "array", "items": { "type": "string" } },
            "requests": { "type": "array", "items": { "type": "string" } }
          }
        }
        """;

    public static JsonElement Element { get; } = JsonDocument.Parse(Text).RootElement.Clone();
}

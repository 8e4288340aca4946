using System.Text.Json;
using System.Text.Json.Serialization;

namespace GtmBot.Storage;

/// <summary>How stored JSON columns (replies, conversation keys, state) are written.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Host.Cli;

/// <summary>
/// <c>tag</c>: reads JSON lines with <c>id</c> and <c>text</c> on stdin and writes one JSON line per quote with <c>id</c>,
/// <c>tags</c>, <c>motive</c> and <c>customer</c> (when found) on stdout, nothing else. A line that is not a JSON object with
/// a string <c>text</c> is skipped with a message on stderr, and the exit code is then 1 (0 when every line was tagged);
/// blank lines are ignored.
/// </summary>
public static class TagVerb
{
    /// <summary>Longest input line read (a quote is at most 4,000 characters; JSON escaping can multiply that).</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Output keeps Chinese readable (no \uXXXX escapes); the JSON stays valid.</summary>
    private static readonly TagJson OutputJson = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    public static Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        TaggerModel model;
        try
        {
            model = TaggerModel.Load(Tagging.TaggingServiceCollectionExtensions.ModelPath(configuration));
        }
        catch (TaggerModelException e)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(2);
        }

        return RunAsync(Console.In, Console.Out, Console.Error, new ModelQuoteTagger(model));
    }

    /// <summary>The verb over any reader and writers (tests redirect them).</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter error, IQuoteTagger tagger)
    {
        var lineNumber = 0;
        var bad = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var request = Parse(line, out var problem);
            if (request is null)
            {
                bad++;
                await error.WriteLineAsync($"line {lineNumber}: skipped, {problem}");
                continue;
            }

            var result = tagger.Tag(request.Text!);
            var response = new TagLineResponse(request.Id, result.Tags, MotiveNames.Name(result.Motive), result.Customer);
            await output.WriteLineAsync(JsonSerializer.Serialize(response, OutputJson.TagLineResponse));
        }

        await output.FlushAsync();
        return bad == 0 ? 0 : 1;
    }

    private static TagLineRequest? Parse(string line, out string problem)
    {
        problem = string.Empty;
        if (line.Length > MaxLineLength)
        {
            problem = $"longer than {MaxLineLength} characters";
            return null;
        }

        try
        {
            var request = JsonSerializer.Deserialize(line, TagJson.Default.TagLineRequest);
            if (request?.Text is null)
            {
                problem = "no string \"text\"";
                return null;
            }

            return request;
        }
        catch (JsonException e)
        {
            problem = $"not a JSON object with id and text ({e.Message})";
            return null;
        }
    }
}

/// <summary>One input line: <c>id</c> is echoed back as given (string or number).</summary>
public sealed record TagLineRequest
{
    public JsonElement? Id { get; init; }

    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>One output line.</summary>
public sealed record TagLineResponse(
    [property: JsonPropertyName("id")] JsonElement? Id,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("motive")] string Motive,
    [property: JsonPropertyName("customer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Customer);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TagLineRequest))]
[JsonSerializable(typeof(TagLineResponse))]
internal sealed partial class TagJson : JsonSerializerContext;

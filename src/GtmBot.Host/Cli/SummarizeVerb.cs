using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GtmBot.Engine.Summaries;
using GtmBot.Host.Llm;

namespace GtmBot.Host.Cli;

/// <summary>
/// <c>summarize [--llm] [--lang en|zh] &lt; feedback.txt</c>: prints the summary as JSON on stdout and nothing else.
/// Offline by default; <c>--llm</c> uses the configured model and falls back to offline if it fails.
/// </summary>
public static class SummarizeVerb
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        var useLlm = args.Contains("--llm");
        var langIndex = Array.IndexOf(args, "--lang");
        var language = langIndex >= 0 && langIndex + 1 < args.Length ? args[langIndex + 1] : null;

        Console.InputEncoding = Encoding.UTF8;
        var text = await Console.In.ReadToEndAsync();
        if (text.Length > SummaryLimits.MaxInputChars)
        {
            await Console.Error.WriteLineAsync($"The feedback is {text.Length} characters; the limit is {SummaryLimits.MaxInputChars}.");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            await Console.Error.WriteLineAsync("The feedback is empty: pipe a file into stdin.");
            return 2;
        }

        var summarizer = useLlm ? LlmServiceCollectionExtensions.CreateCliSummarizer(configuration) : new HeuristicSummarizer(new Engine.Tagging.QuoteTagger());
        var summary = await summarizer.SummarizeAsync(text, new SummaryOptions(language), CancellationToken.None);
        if (summary.FellBack)
        {
            await Console.Error.WriteLineAsync($"LLM failed ({summary.FallbackReason}); offline summary below.");
        }

        var output = new SummaryJson(
            summary.Language,
            [.. summary.Themes.Select(t => new SummaryThemeJson(t.Label, t.Keywords, t.DistinctCustomers, t.Mentions, t.Motive, t.Quotes, t.Customers ?? [], t.Unattributed))],
            summary.Pains,
            summary.Requests);
        var stdout = Console.OpenStandardOutput();
        await JsonSerializer.SerializeAsync(stdout, output, CliJsonOptions);
        await stdout.WriteAsync("\n"u8.ToArray());
        await stdout.FlushAsync();
        return 0;
    }

    private static readonly JsonSerializerOptions CliJsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record SummaryJson(string Language, IReadOnlyList<SummaryThemeJson> Themes, IReadOnlyList<string> Pains, IReadOnlyList<string> Requests);

    private sealed record SummaryThemeJson(string Label, IReadOnlyList<string> Keywords, int DistinctCustomers, int Mentions, string Motive, IReadOnlyList<string> Quotes, IReadOnlyList<string> Customers, int Unattributed);
}

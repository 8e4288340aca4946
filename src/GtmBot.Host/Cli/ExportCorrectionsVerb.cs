using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GtmBot.Engine.Ports;
using GtmBot.Storage;

namespace GtmBot.Host.Cli;

/// <summary>
/// <c>export-corrections --workspace KEY</c>: writes the workspace's corrected quotes as labelled JSON lines (the corpus
/// record: id, text, customer, lang, tags, motive) with people's corrections applied, for
/// <c>tools/GtmBot.Training -- train --include FILE</c>. The workspace key is <c>platform:team</c> (e.g. <c>slack:T0123</c>).
/// </summary>
public static class ExportCorrectionsVerb
{
    /// <summary>Most quotes exported in one run.</summary>
    public const int MaxQuotes = 100_000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        var at = Array.IndexOf(args, "--workspace");
        if (at < 0 || at + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("usage: export-corrections --workspace platform:team > corrections.jsonl");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddGtmStorage(configuration);
        await using var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var quotes = await provider.GetRequiredService<ITagExampleStore>().ListCorrectedAsync(args[at + 1], MaxQuotes, CancellationToken.None);
        foreach (var q in quotes)
        {
            var line = new Dictionary<string, object?>
            {
                ["id"] = $"{args[at + 1]}#{q.Id}",
                ["text"] = q.Text,
                ["customer"] = q.Customer,
                ["lang"] = q.Language,
                ["tags"] = q.Tags,
                ["motive"] = MotiveNames.Name(q.Motive),
            };
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(line, Json));
        }

        await Console.Error.WriteLineAsync($"{quotes.Count} corrected quotes");
        return 0;
    }
}

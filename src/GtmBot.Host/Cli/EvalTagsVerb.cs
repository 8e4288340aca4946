using System.Globalization;
using System.Text.Json;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Llm;
using GtmBot.Host.Tagging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GtmBot.Host.Cli;

/// <summary>
/// <c>eval-tags [--llm | --baseline] [--model FILE] [--set FILE]… [--misses]</c>: scores a tagger on labelled JSON lines —
/// by default the dev set (<c>../shared/eval/quotes-dev.jsonl</c>) and the frozen test split (<c>data/quotes/test.jsonl</c>)
/// — and prints micro-F1, per-tag precision / recall / F1 and motive accuracy. The shipped model by default; <c>--model</c>
/// another model file; <c>--baseline</c> the lexicon rule tagger; <c>--llm</c> the configured LLM (batched, offline fallback),
/// so a user can measure their own endpoint before trusting it.
/// </summary>
public static class EvalTagsVerb
{
    public static Task<int> RunAsync(string[] args, IConfiguration configuration) => RunAsync(args, configuration, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var sets = Values(args, "--set").ToList();
        if (sets.Count == 0)
        {
            var root = RepoRoot();
            sets = [DevSet(root), Path.Combine(root, "data", "quotes", "test.jsonl")];
        }

        IQuoteTagger offline;
        string name;
        if (args.Contains("--baseline"))
        {
            offline = new QuoteTagger();
            name = "lexicon rules (QuoteTagger)";
        }
        else
        {
            var path = Values(args, "--model").FirstOrDefault() is { } m ? Path.GetFullPath(m) : TaggingServiceCollectionExtensions.ModelPath(configuration);
            try
            {
                var model = TaggerModel.Load(path);
                offline = new ModelQuoteTagger(model);
                name = $"model {Path.GetFileName(path)} ({model.Description})";
            }
            catch (TaggerModelException e)
            {
                await error.WriteLineAsync(e.Message);
                return 2;
            }
        }

        LlmQuoteTagger? llm = null;
        if (args.Contains("--llm"))
        {
            var options = new LlmOptions();
            configuration.GetSection(LlmOptions.Section).Bind(options);
            llm = TaggingServiceCollectionExtensions.CreateLlmTagger(options, offline, NullLogger<LlmQuoteTagger>.Instance);
            if (llm is null)
            {
                await error.WriteLineAsync("--llm: no model is configured. Set GtmBot__Llm__Provider (OpenAI with BaseUrl and Model, or AzureOpenAI with Endpoint and Deployment).");
                return 2;
            }

            name = $"LLM {options.ModelName} (fallback: {name})";
        }

        var scored = 0;
        foreach (var set in sets)
        {
            if (!File.Exists(set))
            {
                await error.WriteLineAsync($"{set}: not found, skipped");
                continue;
            }

            var items = Read(set);
            IReadOnlyList<TagResult> results;
            var fellBack = 0;
            if (llm is not null)
            {
                var outcomes = await llm.TagManyAsync([.. items.Select(i => i.Text)], CancellationToken.None);
                fellBack = outcomes.Count(o => o.FellBack);
                results = [.. outcomes.Select(o => o.Result)];
            }
            else
            {
                results = [.. items.Select(i => offline.Tag(i.Text))];
            }

            var pairs = items.Select((item, i) => new TagPair(item.Tags, results[i].Tags, item.Motive, results[i].Motive)).ToList();
            var eval = TagEvaluation.Score(pairs);
            await output.WriteLineAsync($"{Path.GetFileName(set)} ({eval.Count} quotes) — {name}");
            await output.WriteLineAsync("tag              precision  recall  F1");
            foreach (var s in eval.PerTag.Append(eval.Micro))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Tag,-16} {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,5:F3}"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"micro-F1 {eval.Micro.F1:F3} · motive accuracy {eval.MotiveAccuracy:F3}"));
            if (llm is not null)
            {
                await output.WriteLineAsync($"quotes the LLM failed on (tagged offline instead): {fellBack}");
            }

            if (args.Contains("--misses"))
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (!items[i].Tags.SequenceEqual(results[i].Tags) || items[i].Motive != results[i].Motive)
                    {
                        await output.WriteLineAsync($"  {items[i].Id}: gold [{string.Join(',', items[i].Tags)}] {items[i].Motive} · got [{string.Join(',', results[i].Tags)}] {results[i].Motive} · {items[i].Text}");
                    }
                }
            }

            await output.WriteLineAsync();
            scored++;
        }

        return scored > 0 ? 0 : 2;
    }

    private sealed record Labelled(string Id, string Text, IReadOnlyList<string> Tags, Motive Motive);

    private static List<Labelled> Read(string path)
    {
        var items = new List<Labelled>();
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            MotiveNames.TryParse(root.GetProperty("motive").GetString(), out var motive);
            items.Add(new Labelled(
                root.GetProperty("id").ToString(),
                root.GetProperty("text").GetString() ?? string.Empty,
                [.. root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)],
                motive));
        }

        return items;
    }

    private static IEnumerable<string> Values(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }

    /// <summary><c>../shared/eval/quotes-dev.jsonl</c> from the repo root, or from a folder above it (a worktree sits deeper).</summary>
    private static string DevSet(string root)
    {
        for (var up = Directory.GetParent(root); up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "eval", "quotes-dev.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(root, "..", "shared", "eval", "quotes-dev.jsonl");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

using System.Globalization;
using System.Text.Json;
using GtmBot.Engine.Tagging;

namespace GtmBot.Bench;

/// <summary>Scores the offline tagger on a labelled JSON-lines set (default: ../shared/eval/quotes-dev.jsonl from the repo root).</summary>
public static class QuoteEval
{
    public static int Run(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? DefaultPath();
        var showMisses = args.Contains("--misses");
        var tagger = new QuoteTagger();
        var pairs = new List<TagPair>();
        int customers = 0, customerHits = 0, langHits = 0;
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString();
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            var gold = root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
            var goldMotive = Enum.Parse<Motive>(root.GetProperty("motive").GetString()!, ignoreCase: true);
            var goldCustomer = root.TryGetProperty("customer", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var goldLang = root.TryGetProperty("lang", out var l) ? l.GetString() : null;
            var result = tagger.Tag(text);
            var explain = args.Contains("--cues") ? " " + string.Join(" ", QuoteTagger.Explain(text)) : string.Empty;
            pairs.Add(new TagPair(gold, result.Tags, goldMotive, result.Motive));
            customers++;
            customerHits += result.Customer == goldCustomer ? 1 : 0;
            langHits += result.Language == goldLang ? 1 : 0;
            if (showMisses && (!gold.SequenceEqual(result.Tags) || goldMotive != result.Motive || result.Customer != goldCustomer || result.Language != goldLang))
            {
                Console.WriteLine($"{id}: {text}");
                Console.WriteLine($"   gold [{string.Join(',', gold)}] {goldMotive} {goldCustomer} {goldLang}");
                Console.WriteLine($"   got  [{string.Join(',', result.Tags)}] {result.Motive} {result.Customer} {result.Language}{explain}");
            }
        }

        var eval = TagEvaluation.Score(pairs);
        Console.WriteLine($"Quote tagger on {Path.GetFileName(path)} ({eval.Count} quotes)");
        Console.WriteLine("tag              precision  recall  F1");
        foreach (var s in eval.PerTag.Append(eval.Micro))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Tag,-16} {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,5:F3}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"micro-F1 {eval.Micro.F1:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"motive accuracy {eval.MotiveAccuracy:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customer accuracy {(double)customerHits / customers:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"language accuracy {(double)langHits / customers:F3}"));
        return 0;
    }

    private static string DefaultPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        // ../shared from the repo root; a worktree sits one level deeper, so keep walking up until the folder is found.
        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "eval", "quotes-dev.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared", "eval", "quotes-dev.jsonl");
    }
}

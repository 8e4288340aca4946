using System.Globalization;
using System.Text.Json;
using GtmBot.Engine.Summaries;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;

namespace GtmBot.Bench;

/// <summary>
/// <c>themes-eval DIR…</c>: scores the offline summarizer's themes on feedback documents (<c>NAME.txt</c> + <c>NAME.gold.json</c>)
/// — gold themes found, exact distinct-customer and mention counts, motive, stop-word labels, injection line excluded.
/// A predicted theme matches a gold one when its label or keywords share a gold keyword (as <c>bench/summaries-eval.sh</c> did).
/// <c>themes-background FILE…</c>: rebuilds the corpus frequency table from quote JSONL files.
/// </summary>
public static class ThemesEval
{
    public static int Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var dirs = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (dirs.Count == 0)
        {
            Console.Error.WriteLine("usage: themes-eval DIR [DIR…] [--verbose]");
            return 2;
        }

        var summarizer = new HeuristicSummarizer(new QuoteTagger());
        var failed = false;
        foreach (var dir in dirs)
        {
            int gold = 0, found = 0, customers = 0, mentions = 0, motive = 0, extra = 0, stopLabels = 0, injections = 0, docs = 0;
            int goldLines = 0, attributed = 0;
            foreach (var goldPath in Directory.EnumerateFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
            {
                docs++;
                var name = Path.GetFileName(goldPath)[..^".gold.json".Length];
                var text = File.ReadAllText(Path.Combine(dir, name + ".txt"));
                using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
                var injectionLine = json.RootElement.GetProperty("injection_line").GetInt32();
                var summary = summarizer.Summarize(text, SummaryOptions.Auto);
                var injected = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[injectionLine - 1].Trim();
                var injectionOk = summary.IgnoredInstructionLines?.Contains(injectionLine) == true && !summary.Themes.SelectMany(t => t.Quotes).Contains(injected);
                injections += injectionOk ? 1 : 0;
                Console.WriteLine($"{name}: injection line {injectionLine} {(injectionOk ? "excluded" : "NOT EXCLUDED")}");
                stopLabels += summary.Themes.Count(t => t.Label.Split(" / ").Any(StopWords.IsStopWord));
                var unmatched = summary.Themes.ToList();
                var parsed = FeedbackDocument.Parse(text);
                foreach (var g in json.RootElement.GetProperty("themes").EnumerateArray())
                {
                    var names = g.GetProperty("customers").EnumerateArray().Select(c => FeedbackDocument.NormalizeCustomer(c.GetString()!)).ToList();
                    foreach (var number in g.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()))
                    {
                        goldLines++;
                        var got = parsed[number - 1].Customer is { } c ? FeedbackDocument.NormalizeCustomer(c) : null;
                        if (got is { Length: > 0 } && names.Any(n => n.Length > 0 && (n.Contains(got, StringComparison.Ordinal) || got.Contains(n, StringComparison.Ordinal))))
                        {
                            attributed++;
                        }
                        else if (verbose)
                        {
                            Console.WriteLine($"  ATTRIBUTION line {number}: got {parsed[number - 1].Customer ?? "(none)"}, gold one of {string.Join(", ", g.GetProperty("customers").EnumerateArray().Select(c => c.GetString()))}");
                        }
                    }
                }

                foreach (var g in json.RootElement.GetProperty("themes").EnumerateArray())
                {
                    gold++;
                    var label = g.GetProperty("theme").GetString()!;
                    var keys = g.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!.ToLowerInvariant()).Append(label.ToLowerInvariant()).ToList();
                    var best = unmatched.Select(p => (p, Score: Score(p, keys))).Where(x => x.Score > 0).OrderByDescending(x => x.Score).Select(x => x.p).FirstOrDefault();
                    var goldCustomers = g.GetProperty("distinct_customers").GetInt32();
                    var goldMentions = g.GetProperty("mentions").GetInt32();
                    var goldMotive = g.GetProperty("motive").GetString();
                    if (best is null)
                    {
                        Console.WriteLine($"  MISSED  {label} ({goldCustomers} customers)");
                        continue;
                    }

                    unmatched.Remove(best);
                    found++;
                    customers += best.DistinctCustomers == goldCustomers ? 1 : 0;
                    mentions += best.Mentions == goldMentions ? 1 : 0;
                    motive += best.Motive == goldMotive ? 1 : 0;
                    Console.WriteLine($"  {label} -> {best.Label}  customers {best.DistinctCustomers}/{goldCustomers} mentions {best.Mentions}/{goldMentions} motive {best.Motive}/{goldMotive}"
                        + (verbose && best.Customers is not null ? $"  [{string.Join(", ", best.Customers)}]" : string.Empty));
                    if (verbose)
                    {
                        foreach (var q in best.Quotes)
                        {
                            Console.WriteLine($"      · {q}");
                        }
                    }
                }

                extra += unmatched.Count;
                foreach (var t in unmatched)
                {
                    Console.WriteLine($"  extra   {t.Label} ({t.DistinctCustomers} customers, {t.Mentions} mentions)");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== {dir}: {docs} documents · themes found {found}/{gold} ({Pct(found, gold)}) · distinct customers exact {customers}/{gold} ({Pct(customers, gold)}) · mentions exact {mentions}/{gold} · motive right {motive}/{gold} · extra themes {extra} · stop-word labels {stopLabels} · injection excluded {injections}/{docs} · gold lines attributed {attributed}/{goldLines} ({Pct(attributed, goldLines)})\n"));
            failed |= docs == 0;
        }

        return failed ? 1 : 0;
    }

    /// <summary><c>themes-background FILE…</c>: the corpus frequency table (<c>Themes/Data/background.tsv</c>) on stdout.</summary>
    public static int Background(string[] args)
    {
        var texts = args.SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return doc.RootElement.GetProperty("text").GetString() ?? string.Empty;
        }).ToList();
        Console.Out.Write(BackgroundFrequency.Build(texts));
        Console.Error.WriteLine($"{texts.Count} texts from {args.Length} files");
        return texts.Count == 0 ? 1 : 0;
    }

    /// <summary><c>themes-speed N FILE…</c>: how long the engine takes to group the first N quotes of JSONL files, as <c>/gtm insights</c> does.</summary>
    public static int Speed(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var items = args[1..].SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l)).Take(n).Select((l, i) =>
        {
            using var doc = JsonDocument.Parse(l);
            var customer = doc.RootElement.TryGetProperty("customer", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return new ThemeItem(i.ToString(CultureInfo.InvariantCulture), customer, doc.RootElement.GetProperty("text").GetString() ?? string.Empty);
        }).ToList();
        ThemeEngine.Default.Discover(items.Take(50).ToList());
        var describe = System.Diagnostics.Stopwatch.StartNew();
        var featureCount = items.Sum(i => ThemeFeatures.Describe(i.Text, ConceptMap.Default).Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"describing {items.Count} quotes: {describe.Elapsed.TotalMilliseconds:0} ms, {featureCount} features"));
        for (var run = 0; run < 3; run++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var themes = ThemeEngine.Default.Discover(items, new ThemeEngineOptions(MinMentions: 2, MinSources: 1, MaxThemes: 8));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} quotes: {watch.Elapsed.TotalMilliseconds:0} ms, {themes.Count} themes; top: {string.Join(" | ", themes.Take(3).Select(t => $"{t.Label} ({t.DistinctCustomers}+{t.Unattributed})"))}"));
        }

        return 0;
    }

    private static int Score(SummaryTheme predicted, List<string> keys)
    {
        var words = predicted.Keywords.Append(predicted.Label).Select(w => w.ToLowerInvariant()).ToList();
        return keys.Count(k => words.Any(w => w.Contains(k, StringComparison.Ordinal) || (w.Length > 1 && k.Contains(w, StringComparison.Ordinal))));
    }

    private static string Pct(int a, int b) => b == 0 ? "–" : (100.0 * a / b).ToString("0", CultureInfo.InvariantCulture) + " %";
}

using System.Text.RegularExpressions;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// The offline summarizer: always works, no model. Splits the paste into lines and customers (<see cref="FeedbackDocument"/>),
/// describes each line by the concepts, English stems and Chinese character bigrams it contains, and groups lines by
/// average-linkage clustering on the shared, rare features. A group becomes a theme when more than one customer raises it.
/// </summary>
public sealed partial class HeuristicSummarizer(IQuoteTagger? tagger = null) : ISummarizer
{
    /// <summary>Lines must share at least this much weighted evidence on average to be one theme.</summary>
    internal const double MergeThreshold = 2.4;

    /// <summary>A concept matched by two lines is strong evidence on its own.</summary>
    private const double ConceptWeight = 2.0;

    /// <summary>A shared rare word is weaker evidence: several are needed.</summary>
    private const double TermWeight = 0.6;

    /// <summary>A feature in more than this share of the lines is the product itself, not a theme.</summary>
    private const double MaxLineShare = 0.4;

    /// <summary>Below this many lines a shared word may well be the one theme everybody raises.</summary>
    private const int MinLinesForShareRule = 10;

    /// <summary>Representative quotes kept per theme.</summary>
    public const int MaxQuotesPerTheme = 3;

    /// <summary>Keywords kept per theme.</summary>
    public const int MaxKeywords = 6;

    public Task<FeedbackSummary> SummarizeAsync(string text, SummaryOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Summarize(text, options));

    /// <summary>The synchronous core, for the CLI and the LLM's fallback.</summary>
    public FeedbackSummary Summarize(string text, SummaryOptions options)
    {
        var lines = FeedbackDocument.Parse(text);
        var language = options.Language ?? DetectLanguage(text);
        var feedback = lines.Where(l => l.IsFeedback).ToList();
        var features = feedback.Select(l => Describe(l.Body)).ToList();
        var weights = Weigh(feedback, features);
        var clusters = Cluster(features, weights);

        var themes = new List<(SummaryTheme Theme, bool Pain, bool Request)>();
        foreach (var cluster in clusters)
        {
            var members = cluster.Select(i => feedback[i]).OrderBy(l => l.Number).ToList();
            var customers = members.Select(l => l.CustomerKey).Distinct(StringComparer.Ordinal).Count();
            if (customers < 2)
            {
                continue; // One customer's wish is an individual need, not a theme.
            }

            var keywords = Keywords(cluster, features, weights);
            var needs = members.Count(l => IsNeed(l));
            var wants = members.Count(l => !IsNeed(l) && IsWant(l));
            var motive = needs > 0 && needs >= wants ? "need" : "want";
            var requests = members.Count(l => IsRequest(l));
            var priority = (motive, customers) switch
            {
                ("need", >= 3) => Moscow.Must,
                ("need", _) or (_, >= 3) => Moscow.Should,
                _ => Moscow.Could,
            };
            var quotes = members.GroupBy(l => l.CustomerKey).Select(g => g.First().Raw.Trim()).Take(MaxQuotesPerTheme).ToList();
            var label = string.Join(" / ", keywords.Take(3));
            themes.Add((new SummaryTheme(label, keywords, customers, members.Count, motive, quotes, priority), requests * 2 < members.Count, requests > 0));
        }

        var ordered = themes.OrderByDescending(t => t.Theme.DistinctCustomers).ThenByDescending(t => t.Theme.Mentions).ToList();
        return new FeedbackSummary(
            language,
            [.. ordered.Select(t => t.Theme)],
            [.. ordered.Where(t => t.Pain).Select(t => t.Theme.Label)],
            [.. ordered.Where(t => t.Request).Select(t => t.Theme.Label)],
            FeedbackSummary.Heuristic,
            Lines: lines.Count(l => l.Raw.Trim().Length > 0),
            IgnoredInstructionLines: [.. lines.Where(l => l.IsInjection).Select(l => l.Number)]);
    }

    /// <summary><c>zh</c> when a fair share of the letters are Chinese, else <c>en</c>.</summary>
    public static string DetectLanguage(string text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        // One Chinese character carries about a word; an English word is about five letters.
        return cjk > 0 && cjk * 5 >= latin ? "zh" : cjk > 0 && cjk * 5 * 3 >= latin ? "zh" : "en";
    }

    private bool IsNeed(FeedbackLine line) =>
        FeedbackCues.SoundsLikeNeed(line.Body) || (!FeedbackCues.SoundsLikeWant(line.Body) && tagger?.Tag(line.Body).Motive == Motive.Need);

    private bool IsWant(FeedbackLine line) => FeedbackCues.SoundsLikeWant(line.Body) || tagger?.Tag(line.Body).Motive == Motive.Want;

    private bool IsRequest(FeedbackLine line) =>
        FeedbackCues.IsRequest(line.Body) || (tagger?.Tag(line.Body).Tags.Contains(QuoteTags.FeatureRequest) ?? false);

    /// <summary>Features of a line: concept ids (<c>c:</c>), English stems (<c>w:</c>), Chinese bigrams (<c>z:</c>), with the words seen.</summary>
    internal static Dictionary<string, string> Describe(string body)
    {
        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, surface) in ThemeLexicon.Match(body))
        {
            features.TryAdd("c:" + id, surface);
        }

        foreach (Match m in EnglishWord().Matches(body))
        {
            foreach (var part in m.Value.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = part.ToLowerInvariant();
                if (word.Length < 3 || ThemeLexicon.EnglishStopwords.Contains(word))
                {
                    continue;
                }

                features.TryAdd("w:" + Stem(word), part);
            }
        }

        foreach (Match run in ChineseRun().Matches(body))
        {
            var s = run.Value;
            for (var i = 0; i + 1 < s.Length; i++)
            {
                var bigram = s.Substring(i, 2);
                if (ThemeLexicon.ChineseStopChars.Contains(bigram[0]) || ThemeLexicon.ChineseStopChars.Contains(bigram[1]) ||
                    ThemeLexicon.ChineseStopBigrams.Contains(bigram))
                {
                    continue;
                }

                features.TryAdd("z:" + bigram, bigram);
            }
        }

        return features;
    }

    /// <summary>
    /// Rare features weigh more. A feature only one customer uses (their name, their ids) or that most lines share
    /// (the product's own name) cannot show a common theme and weighs nothing.
    /// </summary>
    private static Dictionary<string, double> Weigh(List<FeedbackLine> lines, List<Dictionary<string, string>> features)
    {
        var n = lines.Count;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var byFeature = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            foreach (var f in features[i].Keys)
            {
                if (!byFeature.TryGetValue(f, out var list))
                {
                    byFeature[f] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var (f, idx) in byFeature)
        {
            var df = idx.Count;
            var customers = idx.Select(i => lines[i].CustomerKey).Distinct(StringComparer.Ordinal).Count();
            if (df < 2 || customers < 2 || (n >= MinLinesForShareRule && df > n * MaxLineShare))
            {
                continue;
            }

            var idf = Math.Log((double)n / df);
            weights[f] = f.StartsWith("c:", StringComparison.Ordinal) ? ConceptWeight + idf : TermWeight * idf;
        }

        return weights;
    }

    /// <summary>Average-linkage agglomerative clustering over the sparse similarity graph.</summary>
    private static List<List<int>> Cluster(List<Dictionary<string, string>> features, Dictionary<string, double> weights)
    {
        var n = features.Count;
        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        var alive = Enumerable.Repeat(true, n).ToArray();
        var sums = new Dictionary<(int, int), double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = 0.0;
                foreach (var f in features[i].Keys)
                {
                    if (features[j].ContainsKey(f) && weights.TryGetValue(f, out var w))
                    {
                        s += w;
                    }
                }

                if (s > 0)
                {
                    sums[(i, j)] = s;
                }
            }
        }

        while (true)
        {
            var best = (A: -1, B: -1);
            var bestScore = MergeThreshold;
            foreach (var ((a, b), s) in sums)
            {
                var avg = s / (clusters[a].Count * clusters[b].Count);
                if (avg >= bestScore && (avg > bestScore || best.A < 0 || (a, b).CompareTo(best) < 0))
                {
                    bestScore = avg;
                    best = (a, b);
                }
            }

            if (best.A < 0)
            {
                break;
            }

            var (keep, gone) = best;
            clusters[keep].AddRange(clusters[gone]);
            alive[gone] = false;
            var merged = new Dictionary<int, double>();
            foreach (var ((a, b), s) in sums.ToList())
            {
                if (a != keep && a != gone && b != keep && b != gone)
                {
                    continue;
                }

                sums.Remove((a, b));
                var other = a == keep || a == gone ? b : a;
                if (other == keep || other == gone)
                {
                    continue;
                }

                merged[other] = merged.GetValueOrDefault(other) + s;
            }

            foreach (var (other, s) in merged)
            {
                sums[keep < other ? (keep, other) : (other, keep)] = s;
            }
        }

        return [.. Enumerable.Range(0, n).Where(i => alive[i]).Select(i => clusters[i])];
    }

    /// <summary>The theme's words: features most of its lines share, as the customers wrote them.</summary>
    private static List<string> Keywords(List<int> cluster, List<Dictionary<string, string>> features, Dictionary<string, double> weights)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var i in cluster)
        {
            foreach (var (f, surface) in features[i])
            {
                counts[f] = counts.GetValueOrDefault(f) + 1;
                if (!surfaces.TryGetValue(f, out var list))
                {
                    surfaces[f] = list = [];
                }

                list.Add(surface);
            }
        }

        var keywords = new List<string>();
        foreach (var f in counts.Keys
                     .Where(f => counts[f] >= 2 || (f.StartsWith("c:", StringComparison.Ordinal) && weights.ContainsKey(f)))
                     .OrderByDescending(f => counts[f] * (weights.GetValueOrDefault(f) + (f.StartsWith("c:", StringComparison.Ordinal) ? 1 : 0.1)))
                     .ThenBy(f => f, StringComparer.Ordinal))
        {
            var forms = surfaces[f].GroupBy(s => s.ToLowerInvariant()).OrderByDescending(g => g.Count()).Select(g => g.First());
            foreach (var form in f.StartsWith("c:", StringComparison.Ordinal) ? forms.Take(3) : forms.Take(1))
            {
                if (!keywords.Any(k => k.Contains(form, StringComparison.OrdinalIgnoreCase) || form.Contains(k, StringComparison.OrdinalIgnoreCase)))
                {
                    keywords.Add(form);
                }
            }

            if (keywords.Count >= MaxKeywords)
            {
                break;
            }
        }

        return keywords;
    }

    /// <summary>A light English stemmer: enough to make "duplicates", "duplicated" and "duplicate" one word.</summary>
    internal static string Stem(string word)
    {
        var w = word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 ? word[..^3] + "y"
            : word.EndsWith("ss", StringComparison.Ordinal) ? word
            : word.EndsWith('s') && word.Length > 3 ? word[..^1] : word;
        foreach (var suffix in (string[])["ing", "ed", "ly", "e"])
        {
            if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+'\-]*")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[\u3400-\u4dbf\u4e00-\u9fff]+")]
    private static partial Regex ChineseRun();
}

using System.Text;
using GtmBot.Engine.Summaries;

namespace GtmBot.Engine.Themes;

/// <summary>One piece of feedback to group: an id of the caller's choosing, who said it (null when unknown) and the text.</summary>
public sealed record ThemeItem(string Id, string? Customer, string Text);

/// <summary>A theme the engine found in the items.</summary>
/// <param name="Key">Stable key (its strongest feature), to store decisions about the theme under.</param>
/// <param name="Label">Its top phrases, as the customers wrote them; never a stop word.</param>
/// <param name="Keywords">The phrases that define it, strongest first.</param>
/// <param name="Customers">Distinct attributed customers, in order of first mention, as first written.</param>
/// <param name="Unattributed">Items behind it with no customer: counted apart, never as customers.</param>
/// <param name="Mentions">Items that raise it (an item raising it twice counts once; the same quote saved twice counts once).</param>
/// <param name="ItemIds">Those items' ids, in input order.</param>
public sealed record DiscoveredTheme(string Key, string Label, IReadOnlyList<string> Keywords, IReadOnlyList<string> Customers, int Unattributed, int Mentions, IReadOnlyList<string> ItemIds)
{
    /// <summary>How many different attributed customers raise it.</summary>
    public int DistinctCustomers => Customers.Count;
}

/// <summary>How the engine decides what is a theme.</summary>
/// <param name="MinMentions">Items a theme needs: a one-off is not a theme.</param>
/// <param name="MinSources">Distinct sources a theme needs (each attributed customer is one source, each unattributed item one).</param>
/// <param name="MaxThemes">Most themes returned, most customers first.</param>
public sealed record ThemeEngineOptions(int MinMentions = 2, int MinSources = 2, int MaxThemes = int.MaxValue);

/// <summary>
/// The one theme engine behind <c>/gtm insights</c> and <c>/gtm summarize</c>. Describes each item by the concepts
/// (bilingual, <see cref="ConceptMap"/>), English stems and Chinese bigrams it raises — stop words out, clauses that deny a
/// concern out ("价格还行", "not interested in X") — weighs them like tf-idf against the item set and the corpus's
/// <see cref="BackgroundFrequency"/>, and groups items by average-linkage clustering on what they share. Counts are honest:
/// distinct attributed customers, unattributed items apart, the same text from the same customer once.
/// </summary>
public sealed class ThemeEngine(ConceptMap concepts, BackgroundFrequency background)
{
    /// <summary>A concept two items share is strong evidence on its own (times the concept's weight).</summary>
    private const double ConceptWeight = 2.0;

    /// <summary>
    /// Items must share at least this much weighted evidence on average to be one theme: one shared complaint concept is
    /// enough, even among a handful of quotes; shared words need to be several and rare.
    /// </summary>
    internal const double MergeThreshold = ConceptWeight;

    /// <summary>
    /// Most a generic concept (an object most feedback names, "the phone", "报表"; or a bare complaint, "missing") may weigh,
    /// as a share of the merge threshold: on its own it never joins two items, with one more shared concept or rare word it does.
    /// </summary>
    private const double GenericShare = 0.9;

    /// <summary>A shared rare word is weaker evidence: several are needed.</summary>
    private const double TermWeight = 0.8;

    /// <summary>A word or object in more than this share of the items is the product itself, not a theme.</summary>
    private const double MaxItemShare = 0.4;

    /// <summary>Below this many items a shared word may well be the one theme everybody raises.</summary>
    private const int MinItemsForShareRule = 10;

    /// <summary>Keywords kept per theme.</summary>
    public const int MaxKeywords = 6;

    /// <summary>Phrases in a theme's label.</summary>
    private const int LabelPhrases = 3;

    /// <summary>The engine with the shipped concept map and corpus frequencies.</summary>
    public static ThemeEngine Default { get; } = new(ConceptMap.Default, BackgroundFrequency.Default);

    /// <summary>Groups <paramref name="items"/> into themes, most distinct customers first.</summary>
    public IReadOnlyList<DiscoveredTheme> Discover(IReadOnlyList<ThemeItem> items, ThemeEngineOptions? options = null)
    {
        options ??= new ThemeEngineOptions();
        var unique = Deduplicate(items);
        var features = unique.Select(i => ThemeFeatures.Describe(Affirmed(i.Text), concepts)).ToList();
        var sources = unique.Select((item, i) => item.Customer is null ? "\u0001" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : NormalizeCustomer(item.Customer)).ToList();
        var weights = Weigh(features, sources, options.MinSources);
        var clusters = Cluster(features, weights);

        var themes = new List<DiscoveredTheme>();
        foreach (var cluster in clusters)
        {
            cluster.Sort();
            var distinctSources = cluster.Select(i => sources[i]).Distinct(StringComparer.Ordinal).Count();
            if (cluster.Count < options.MinMentions || distinctSources < options.MinSources)
            {
                continue;
            }

            var keywords = Keywords(cluster, features, weights);
            if (keywords.Count == 0)
            {
                continue;
            }

            var customers = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in cluster.Where(i => unique[i].Customer is not null))
            {
                if (seen.Add(sources[i]))
                {
                    customers.Add(unique[i].Customer!.Trim());
                }
            }

            var key = TopFeature(cluster, features, weights);
            themes.Add(new DiscoveredTheme(
                key,
                string.Join(" / ", keywords.Take(LabelPhrases)),
                keywords,
                customers,
                cluster.Count(i => unique[i].Customer is null),
                cluster.Count,
                [.. cluster.Select(i => unique[i].Id)]));
        }

        return [.. themes
            .OrderByDescending(t => t.DistinctCustomers)
            .ThenByDescending(t => t.Mentions)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(options.MaxThemes)];
    }

    /// <summary>Case, spacing and punctuation do not make a different customer.</summary>
    public static string NormalizeCustomer(string customer)
    {
        var sb = new StringBuilder(customer.Length);
        foreach (var c in customer.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.Length == 0 ? customer.Trim() : sb.ToString();
    }

    /// <summary>The same words from the same customer (or both without one) count once: a quote saved twice is one quote.</summary>
    private static List<ThemeItem> Deduplicate(IReadOnlyList<ThemeItem> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<ThemeItem>(items.Count);
        foreach (var item in items)
        {
            var customer = string.IsNullOrWhiteSpace(item.Customer) ? null : item.Customer;
            if (seen.Add(Tagging.QuoteFingerprint.Key(item.Text, customer)))
            {
                unique.Add(customer == item.Customer ? item : item with { Customer = customer });
            }
        }

        return unique;
    }

    /// <summary>The text without its clauses that deny a concern: "价格还行，就是导出太慢" keeps only the export.</summary>
    /// <remarks>A bare verdict ("没意见", "no complaints") denies the clause before it too: "per-viewer 收费 OK，没意见". Traditional text is read as simplified ("沒什麼問題").</remarks>
    internal static string Affirmed(string text)
    {
        var clauses = NegatedConcern.Clauses(text);
        if (clauses.Count == 1)
        {
            return NegatedConcern.IsDenial(ThemeText.Simplify(text)) ? string.Empty : text;
        }

        var kept = new List<string>(clauses.Count);
        foreach (var clause in clauses)
        {
            var simplified = ThemeText.Simplify(clause);
            if (!NegatedConcern.IsDenial(simplified))
            {
                kept.Add(clause);
                continue;
            }

            if (NegatedConcern.IsBareVerdict(simplified) && kept.Count > 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }

        return string.Join(" ; ", kept);
    }

    /// <summary>
    /// Rare features weigh more. A word that most items share (the product's own name) weighs nothing; so does a word only
    /// one customer uses (their name, their ids) when themes need several sources. A concept one customer repeats still groups.
    /// </summary>
    private Dictionary<string, double> Weigh(List<Dictionary<string, string>> features, List<string> sources, int minSources)
    {
        var n = features.Count;
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

        var conceptWeights = concepts.Concepts.ToDictionary(c => ThemeFeatures.ConceptPrefix + c.Id, c => c.Weight, StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (f, idx) in byFeature)
        {
            var df = idx.Count;
            var isConcept = conceptWeights.TryGetValue(f, out var conceptWeight);
            var tooCommon = n >= MinItemsForShareRule && df > n * MaxItemShare;
            if (df < 2 || (tooCommon && (!isConcept || conceptWeight < 1)))
            {
                continue;
            }

            if (!isConcept && minSources > 1 && idx.Select(i => sources[i]).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            var idf = Math.Log((double)n / df);
            weights[f] = !isConcept ? TermWeight * idf * background.Rarity(f)
                : conceptWeight >= 1 ? ConceptWeight + idf
                : Math.Min(conceptWeight * (ConceptWeight + idf), GenericShare * MergeThreshold);
        }

        return weights;
    }

    /// <summary>
    /// Average-linkage agglomerative clustering over the sparse similarity graph: pairs come from the weighted features'
    /// posting lists (never all n² pairs), and the best merge from a heap whose stale entries are skipped, so a channel's
    /// thousands of quotes group in well under a second.
    /// </summary>
    private static List<List<int>> Cluster(List<Dictionary<string, string>> features, Dictionary<string, double> weights)
    {
        var n = features.Count;
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            foreach (var f in features[i].Keys)
            {
                if (weights.ContainsKey(f))
                {
                    if (!postings.TryGetValue(f, out var list))
                    {
                        postings[f] = list = [];
                    }

                    list.Add(i);
                }
            }
        }

        // Neighbours of each cluster with the summed similarity of all their item pairs.
        var links = new Dictionary<int, double>[n];
        for (var i = 0; i < n; i++)
        {
            links[i] = [];
        }

        foreach (var (f, items) in postings)
        {
            var w = weights[f];
            for (var x = 0; x < items.Count; x++)
            {
                for (var y = x + 1; y < items.Count; y++)
                {
                    var (a, b) = (items[x], items[y]);
                    links[a][b] = links[a].GetValueOrDefault(b) + w;
                    links[b][a] = links[b].GetValueOrDefault(a) + w;
                }
            }
        }

        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        var alive = Enumerable.Repeat(true, n).ToArray();
        var version = new int[n];
        var heap = new PriorityQueue<(int A, int B, int VersionA, int VersionB), (double NegAverage, int A, int B)>();
        for (var a = 0; a < n; a++)
        {
            foreach (var (b, sum) in links[a])
            {
                if (a < b && sum >= MergeThreshold)
                {
                    heap.Enqueue((a, b, 0, 0), (-sum, a, b));
                }
            }
        }

        while (heap.TryDequeue(out var pair, out _))
        {
            var (keep, gone) = (pair.A, pair.B);
            if (!alive[keep] || !alive[gone] || version[keep] != pair.VersionA || version[gone] != pair.VersionB)
            {
                continue; // A cluster changed since this pair was scored.
            }

            clusters[keep].AddRange(clusters[gone]);
            alive[gone] = false;
            links[keep].Remove(gone);
            links[gone].Remove(keep);
            foreach (var (other, sum) in links[gone])
            {
                links[keep][other] = links[keep].GetValueOrDefault(other) + sum;
                links[other].Remove(gone);
            }

            links[gone].Clear();
            version[keep]++;
            foreach (var (other, sum) in links[keep])
            {
                links[other][keep] = sum;
                var average = sum / (clusters[keep].Count * clusters[other].Count);
                if (average >= MergeThreshold)
                {
                    var (a, b) = keep < other ? (keep, other) : (other, keep);
                    heap.Enqueue((a, b, version[a], version[b]), (-average, a, b));
                }
            }
        }

        return [.. Enumerable.Range(0, n).Where(i => alive[i]).Select(i => clusters[i])];
    }

    private static double Score(string f, int count, Dictionary<string, double> weights) =>
        count * (weights.GetValueOrDefault(f) + (f.StartsWith(ThemeFeatures.ConceptPrefix, StringComparison.Ordinal) ? 1 : 0.1));

    private static string TopFeature(List<int> cluster, List<Dictionary<string, string>> features, Dictionary<string, double> weights) =>
        cluster.SelectMany(i => features[i].Keys).Where(weights.ContainsKey).GroupBy(f => f, StringComparer.Ordinal)
            .OrderByDescending(g => Score(g.Key, g.Count(), weights)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault()
        ?? cluster.SelectMany(i => features[i].Keys).Order(StringComparer.Ordinal).First();

    /// <summary>The theme's phrases: features most of its items share, as the customers wrote them, never a stop word.</summary>
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
                     .Where(f => counts[f] >= 2 || (f.StartsWith(ThemeFeatures.ConceptPrefix, StringComparison.Ordinal) && weights.ContainsKey(f)))
                     .OrderByDescending(f => Score(f, counts[f], weights))
                     .ThenBy(f => f, StringComparer.Ordinal))
        {
            var forms = surfaces[f].GroupBy(s => s.ToLowerInvariant()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First());
            foreach (var form in f.StartsWith(ThemeFeatures.ConceptPrefix, StringComparison.Ordinal) ? forms.Take(3) : forms.Take(1))
            {
                if (!StopWords.IsStopWord(form) && !keywords.Any(k => k.Contains(form, StringComparison.OrdinalIgnoreCase) || form.Contains(k, StringComparison.OrdinalIgnoreCase)))
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
}

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
    /// Average-linkage agglomerative clustering: the two clusters with the highest average similarity merge first (ties: the
    /// lower ids), until no pair reaches <see cref="MergeThreshold"/>. See <see cref="Clustering"/> for how its memory stays
    /// linear in the items' features.
    /// </summary>
    internal static List<List<int>> Cluster(List<Dictionary<string, string>> features, Dictionary<string, double> weights) =>
        new Clustering(features, weights).Run();

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

    /// <summary>
    /// The clustering's state, linear in the items' features: no similarity is stored per pair. A cluster is a sparse vector
    /// of how many of its items raise each weighted feature, so the average similarity of two clusters (the mean over their
    /// item pairs of the shared features' summed weights) is Σ weight × share in one × share in the other, computed from the
    /// two vectors when it is needed. Each cluster keeps only its best partner; after a merge every cluster sharing a
    /// feature with the new one is compared with it, and a cluster whose best partner merged keeps its old best as an upper
    /// bound (average linkage never raises a similarity by merging) and is searched again only if that bound comes out on top.
    /// For a channel's 1,000 near-identical quotes this holds a few thousand numbers where a table of linked pairs held
    /// half a million.
    /// </summary>
    private sealed class Clustering
    {
        private readonly double[] weight;
        private readonly int[][] postings;
        private readonly int[] clusterOf;
        private readonly List<int>?[] members;
        private readonly int[][] featureIds;
        private readonly int[][] featureCounts;
        private readonly double[] bestValue;
        private readonly int[] bestPartner;
        private readonly bool[] bestExact;
        private readonly double[] share;
        private readonly int[] seen;
        private readonly List<int> candidates = [];
        private int stamp;

        public Clustering(List<Dictionary<string, string>> features, Dictionary<string, double> weights)
        {
            var n = features.Count;

            // Feature ids in order of first use, so a pair of single items sums its shared weights in the same order as before.
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var weightList = new List<double>();
            var postingList = new List<List<int>>();
            featureIds = new int[n][];
            featureCounts = new int[n][];
            for (var i = 0; i < n; i++)
            {
                var own = new List<int>();
                foreach (var f in features[i].Keys)
                {
                    if (!weights.TryGetValue(f, out var w))
                    {
                        continue;
                    }

                    if (!ids.TryGetValue(f, out var id))
                    {
                        ids[f] = id = weightList.Count;
                        weightList.Add(w);
                        postingList.Add([]);
                    }

                    postingList[id].Add(i);
                    own.Add(id);
                }

                own.Sort();
                featureIds[i] = [.. own];
                featureCounts[i] = [.. Enumerable.Repeat(1, own.Count)];
            }

            weight = [.. weightList];
            postings = [.. postingList.Select(p => p.ToArray())];
            clusterOf = [.. Enumerable.Range(0, n)];
            members = [.. Enumerable.Range(0, n).Select(i => new List<int> { i })];
            bestValue = new double[n];
            bestPartner = [.. Enumerable.Repeat(-1, n)];
            bestExact = new bool[n];
            share = new double[weight.Length];
            seen = new int[n];
        }

        public List<List<int>> Run()
        {
            var n = members.Length;
            for (var c = 0; c < n; c++)
            {
                Search(c);
            }

            while (true)
            {
                var top = -1;
                for (var c = 0; c < n; c++)
                {
                    if (members[c] is not null && bestPartner[c] >= 0 && (top < 0 || Before(bestValue[c], c, bestPartner[c], bestValue[top], top, bestPartner[top])))
                    {
                        top = c;
                    }
                }

                if (top < 0)
                {
                    break;
                }

                var partner = bestPartner[top];
                if (!bestExact[top] || members[partner] is null)
                {
                    Search(top); // Its best partner merged since: the stored value was only an upper bound.
                    continue;
                }

                Merge(Math.Min(top, partner), Math.Max(top, partner));
            }

            return [.. members.Where(m => m is not null).Select(m => m!)];
        }

        /// <summary>Does pair (a, b) with average <paramref name="x"/> merge before pair (c, d) with <paramref name="y"/>?</summary>
        private static bool Before(double x, int a, int b, double y, int c, int d)
        {
            if (x != y)
            {
                return x > y;
            }

            var (a1, b1) = a < b ? (a, b) : (b, a);
            var (c1, d1) = c < d ? (c, d) : (d, c);
            return a1 != c1 ? a1 < c1 : b1 < d1;
        }

        /// <summary>Finds the exact best partner of cluster <paramref name="c"/> among the clusters sharing a feature with it.</summary>
        private void Search(int c)
        {
            bestPartner[c] = -1;
            Spread(c);
            foreach (var other in candidates)
            {
                var average = Average(other);
                if (average >= MergeThreshold && (bestPartner[c] < 0 || Before(average, c, other, bestValue[c], c, bestPartner[c])))
                {
                    (bestValue[c], bestPartner[c]) = (average, other);
                }
            }

            bestExact[c] = true;
            Clear(c);
        }

        private void Merge(int keep, int gone)
        {
            var kept = members[keep]!;
            foreach (var item in members[gone]!)
            {
                clusterOf[item] = keep;
                kept.Add(item);
            }

            members[gone] = null;
            (featureIds[keep], featureCounts[keep]) = Add(featureIds[keep], featureCounts[keep], featureIds[gone], featureCounts[gone]);
            featureIds[gone] = featureCounts[gone] = [];
            bestPartner[gone] = -1;

            bestPartner[keep] = -1;
            Spread(keep);
            foreach (var other in candidates)
            {
                var average = Average(other);
                if (average < MergeThreshold)
                {
                    if (bestPartner[other] == keep || bestPartner[other] == gone)
                    {
                        bestExact[other] = false;
                    }

                    continue;
                }

                if (bestPartner[keep] < 0 || Before(average, keep, other, bestValue[keep], keep, bestPartner[keep]))
                {
                    (bestValue[keep], bestPartner[keep]) = (average, other);
                }

                // Every other pair of `other` is unchanged, so the new pair is its best if it ranks at or above the stored best
                // (which was the best, or an upper bound of it, before this merge).
                var stored = bestPartner[other];
                if (stored < 0 || !Before(bestValue[other], other, stored, average, other, keep))
                {
                    (bestValue[other], bestPartner[other], bestExact[other]) = (average, keep, true);
                }
                else if (stored == keep || stored == gone)
                {
                    bestExact[other] = false;
                }
            }

            bestExact[keep] = true;
            Clear(keep);
        }

        /// <summary>Writes cluster <paramref name="c"/>'s feature shares into <see cref="share"/> and lists the clusters sharing a feature with it.</summary>
        private void Spread(int c)
        {
            candidates.Clear();
            stamp++;
            seen[c] = stamp;
            var size = (double)members[c]!.Count;
            var ids = featureIds[c];
            for (var k = 0; k < ids.Length; k++)
            {
                share[ids[k]] = featureCounts[c][k] / size;
                foreach (var item in postings[ids[k]])
                {
                    var other = clusterOf[item];
                    if (seen[other] != stamp)
                    {
                        seen[other] = stamp;
                        candidates.Add(other);
                    }
                }
            }
        }

        private void Clear(int c)
        {
            foreach (var id in featureIds[c])
            {
                share[id] = 0;
            }
        }

        /// <summary>
        /// Average similarity of cluster <paramref name="other"/> with the spread one, summed in feature order. The product of
        /// the two shares is taken first, so either side may be the spread one; for two single items it is exactly the sum of
        /// their shared features' weights.
        /// </summary>
        private double Average(int other)
        {
            var size = (double)members[other]!.Count;
            var ids = featureIds[other];
            var counts = featureCounts[other];
            var sum = 0.0;
            for (var k = 0; k < ids.Length; k++)
            {
                var mine = share[ids[k]];
                if (mine != 0)
                {
                    sum += weight[ids[k]] * (mine * (counts[k] / size));
                }
            }

            return sum;
        }

        /// <summary>Adds two sparse count vectors, both in feature order.</summary>
        private static (int[] Ids, int[] Counts) Add(int[] aIds, int[] aCounts, int[] bIds, int[] bCounts)
        {
            var ids = new List<int>(aIds.Length + bIds.Length);
            var counts = new List<int>(aIds.Length + bIds.Length);
            var (x, y) = (0, 0);
            while (x < aIds.Length || y < bIds.Length)
            {
                if (y == bIds.Length || (x < aIds.Length && aIds[x] < bIds[y]))
                {
                    ids.Add(aIds[x]);
                    counts.Add(aCounts[x++]);
                }
                else if (x == aIds.Length || bIds[y] < aIds[x])
                {
                    ids.Add(bIds[y]);
                    counts.Add(bCounts[y++]);
                }
                else
                {
                    ids.Add(aIds[x]);
                    counts.Add(aCounts[x++] + bCounts[y++]);
                }
            }

            return ([.. ids], [.. counts]);
        }
    }
}

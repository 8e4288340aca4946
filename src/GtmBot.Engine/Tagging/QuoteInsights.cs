using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Tagging;

/// <summary>A theme of a channel's quotes with its dominant motive and whether it is a common need.</summary>
/// <param name="Theme">The discovered theme: distinct attributed customers, unattributed quotes apart.</param>
/// <param name="Common">Raised by at least the channel's threshold of distinct attributed customers.</param>
/// <param name="Motive">The dominant motive of its quotes.</param>
/// <param name="Quotes">The quotes behind it, in the order they were captured (a quote saved twice listed once).</param>
public sealed record QuoteTheme(DiscoveredTheme Theme, bool Common, Motive Motive, IReadOnlyList<QuoteRecord> Quotes)
{
    /// <summary>A common theme that is mostly a need: what a Must should rest on.</summary>
    public bool CommonNeed => Common && Motive == Motive.Need;
}

/// <summary>What a channel's quotes add up to: counts per tag and motive, and themes ranked by distinct customers.</summary>
/// <param name="Quotes">Distinct quotes (the same text saved twice for the same customer counts once).</param>
/// <param name="Customers">Distinct attributed customers.</param>
/// <param name="Unattributed">Distinct quotes with no customer: never counted as customers.</param>
public sealed record QuoteInsights(int Quotes, int Customers, int Unattributed, IReadOnlyList<KeyValuePair<string, int>> TagCounts, IReadOnlyList<KeyValuePair<Motive, int>> MotiveCounts, IReadOnlyList<QuoteTheme> Themes)
{
    /// <summary>
    /// Newest distinct quotes grouped into themes; counts per tag and motive still cover all. Grouping grows faster than
    /// linearly with the quotes (bench/README.md, theme engine), so the card stays quick on a channel with thousands.
    /// </summary>
    public const int MaxGroupedQuotes = 1000;

    /// <summary>Counts and themes of the quotes (effective tags and motives, corrections applied).</summary>
    /// <param name="quotes">The quotes.</param>
    /// <param name="commonThreshold">Distinct attributed customers that make a theme common.</param>
    /// <param name="maxThemes">Most themes returned.</param>
    /// <param name="engine">The theme engine (default: the shipped one).</param>
    public static QuoteInsights Compute(IReadOnlyList<QuoteRecord> quotes, int commonThreshold, int maxThemes, ThemeEngine? engine = null)
    {
        var unique = Distinct(quotes);
        var tagCounts = QuoteTags.All.Select(t => new KeyValuePair<string, int>(t, unique.Count(q => q.HasTag(t)))).ToList();
        var motiveCounts = new[] { Motive.Need, Motive.Want, Motive.Unclear }.Select(m => new KeyValuePair<Motive, int>(m, unique.Count(q => q.Motive == m))).ToList();
        var customers = unique.Where(q => !string.IsNullOrWhiteSpace(q.Customer)).Select(q => ThemeEngine.NormalizeCustomer(q.Customer!)).Distinct(StringComparer.Ordinal).Count();
        var unattributed = unique.Count(q => string.IsNullOrWhiteSpace(q.Customer));

        var byId = unique.ToDictionary(q => q.Id.ToString(CultureInfo.InvariantCulture));
        var items = unique.OrderByDescending(q => q.CapturedAt).ThenByDescending(q => q.Id).Take(MaxGroupedQuotes).OrderBy(q => q.CapturedAt).ThenBy(q => q.Id).Select(q => new ThemeItem(q.Id.ToString(CultureInfo.InvariantCulture), q.Customer, Body(q.Text))).ToList();
        var themes = (engine ?? ThemeEngine.Default).Discover(items, new ThemeEngineOptions(MinMentions: 2, MinSources: 1, MaxThemes: maxThemes))
            .Select(t =>
            {
                var behind = t.ItemIds.Select(id => byId[id]).ToList();
                return new QuoteTheme(t, t.DistinctCustomers >= commonThreshold, Dominant(behind.Select(q => q.Motive)), behind);
            })
            .ToList();
        return new QuoteInsights(unique.Count, customers, unattributed, tagCounts, motiveCounts, themes);
    }

    /// <summary>A quote saved twice (same customer, same words once case, spacing and punctuation are set aside) is one quote: the first kept.</summary>
    private static List<QuoteRecord> Distinct(IReadOnlyList<QuoteRecord> quotes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. quotes.OrderBy(q => q.CapturedAt).ThenBy(q => q.Id).Where(q =>
            seen.Add(QuoteFingerprint.Key(Body(q.Text), q.Customer)))];
    }

    /// <summary>The quote without its attribution, so a customer's name does not become a theme.</summary>
    private static string Body(string text)
    {
        var (_, start) = CustomerExtractor.Extract(text);
        return text[start..];
    }

    private static Motive Dominant(IEnumerable<Motive> motives)
    {
        var list = motives.ToList();
        int need = list.Count(m => m == Motive.Need), want = list.Count(m => m == Motive.Want), unclear = list.Count(m => m == Motive.Unclear);
        return need >= want && need >= unclear ? Motive.Need : want >= unclear ? Motive.Want : Motive.Unclear;
    }
}

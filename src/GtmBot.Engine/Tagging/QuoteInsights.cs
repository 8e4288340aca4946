using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Tagging;

/// <summary>A theme of a channel's quotes with its dominant motive and whether it is a common need.</summary>
/// <param name="Theme">The grouped theme.</param>
/// <param name="Common">Raised by at least the channel's threshold of distinct customers.</param>
/// <param name="Motive">The dominant motive of its quotes.</param>
public sealed record QuoteTheme(Theme Theme, bool Common, Motive Motive)
{
    /// <summary>A common theme that is mostly a need: what a Must should rest on.</summary>
    public bool CommonNeed => Common && Motive == Motive.Need;
}

/// <summary>What a channel's quotes add up to: counts per tag and motive, and themes ranked by distinct customers.</summary>
public sealed record QuoteInsights(int Quotes, int Customers, IReadOnlyList<KeyValuePair<string, int>> TagCounts, IReadOnlyList<KeyValuePair<Motive, int>> MotiveCounts, IReadOnlyList<QuoteTheme> Themes)
{
    /// <summary>Counts and themes of the quotes (effective tags and motives, corrections applied).</summary>
    /// <param name="quotes">The quotes.</param>
    /// <param name="commonThreshold">Distinct customers that make a theme common.</param>
    /// <param name="maxThemes">Most themes returned.</param>
    public static QuoteInsights Compute(IReadOnlyList<QuoteRecord> quotes, int commonThreshold, int maxThemes)
    {
        var tagCounts = QuoteTags.All.Select(t => new KeyValuePair<string, int>(t, quotes.Count(q => q.HasTag(t)))).ToList();
        var motiveCounts = new[] { Motive.Need, Motive.Want, Motive.Unclear }.Select(m => new KeyValuePair<Motive, int>(m, quotes.Count(q => q.Motive == m))).ToList();
        var customers = quotes.Select((q, i) => q.Customer is null ? "\u0001" + i : q.Customer.Trim().ToUpperInvariant()).Distinct().Count();

        var byId = quotes.ToDictionary(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var items = quotes.Select(q => new ThemeItem(q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Customer, Body(q.Text))).ToList();
        var themes = new ThemeGrouper { MaxThemes = maxThemes }.Group(items)
            .Select(t => new QuoteTheme(t, t.DistinctCustomers >= commonThreshold, Dominant(t.ItemIds.Select(id => byId[id].Motive))))
            .ToList();
        return new QuoteInsights(quotes.Count, customers, tagCounts, motiveCounts, themes);
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

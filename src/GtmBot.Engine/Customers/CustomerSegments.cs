using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Customers;

/// <summary>One segment of a workspace: its key (trimmed, lower-cased), the label shown, and how many profiles carry it.</summary>
/// <param name="Key">The segment compared case-insensitively; empty for customers without a segment.</param>
/// <param name="Label">The spelling shown: the first profile's (by customer name), or null for "no segment".</param>
/// <param name="Size">Customers in it — the denominator of the per-segment counts.</param>
public sealed record Segment(string Key, string? Label, int Size)
{
    /// <summary>The key of the group of customers without a segment (no profile, or a profile without one).</summary>
    public const string NoneKey = "";

    public bool IsNone => Key.Length == 0;
}

/// <summary>Distinct customers of one theme in one segment.</summary>
/// <param name="Customers">Distinct customers behind the theme in the segment.</param>
/// <param name="OutOf">The segment's size (see <see cref="CustomerSegments"/> for the definition).</param>
/// <param name="Common">At least <see cref="CustomerSegments.MinCommonCustomers"/> customers and at least half of the segment.</param>
public sealed record SegmentCount(Segment Segment, int Customers, int OutOf, bool Common);

/// <summary>
/// The workspace's customer profiles as segments, and the per-segment distinct-customer counts of a theme.
/// <para>
/// Definitions. A quote's customer is matched to a profile the way themes count customers (<see cref="ThemeEngine.NormalizeCustomer"/>:
/// case, spacing and punctuation aside). Segments are free labels compared case-insensitively after trimming. The denominator of a
/// segment is the number of the workspace's customers with a profile in it, whether or not they were quoted in this channel.
/// Customers without a profile, or whose profile has no segment, form "no segment"; its denominator is the number of such distinct
/// customers among the channel's quotes read. Quotes without a customer count nowhere.
/// </para>
/// </summary>
public sealed class CustomerSegments
{
    /// <summary>Fewest customers of a segment that make a theme common in it (with at least half of the segment).</summary>
    public const int MinCommonCustomers = 2;

    private readonly Dictionary<string, string> _segmentOf;

    private CustomerSegments(Dictionary<string, string> segmentOf, IReadOnlyList<Segment> segments, Segment none)
    {
        _segmentOf = segmentOf;
        Segments = segments;
        None = none;
    }

    /// <summary>The named segments, largest first.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Quoted customers without a segment.</summary>
    public Segment None { get; }

    /// <summary>The named segments and then "no segment" when it has anyone.</summary>
    public IEnumerable<Segment> All => None.Size > 0 ? [.. Segments, None] : Segments;

    /// <summary>The key a segment label is compared by.</summary>
    public static string Key(string segment) => segment.Trim().ToLowerInvariant();

    /// <summary>Segments of <paramref name="profiles"/>, with "no segment" sized from the customers of <paramref name="quotes"/>.</summary>
    public static CustomerSegments From(IReadOnlyList<CustomerProfile> profiles, IReadOnlyList<QuoteRecord> quotes) =>
        FromCustomers(profiles, quotes.Where(q => !string.IsNullOrWhiteSpace(q.Customer)).Select(q => q.Customer!));

    /// <summary>The segments of <paramref name="profiles"/>, with the attributed customers (as written or normalised) of the quotes in scope.</summary>
    public static CustomerSegments FromCustomers(IReadOnlyList<CustomerProfile> profiles, IEnumerable<string> customers)
    {
        var segmentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var profile in profiles.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(profile.Segment))
            {
                continue;
            }

            var customer = ThemeEngine.NormalizeCustomer(profile.Name);
            var key = Key(profile.Segment);
            if (customer.Length == 0 || !segmentOf.TryAdd(customer, key))
            {
                continue;
            }

            labels.TryAdd(key, profile.Segment.Trim());
            sizes[key] = sizes.GetValueOrDefault(key) + 1;
        }

        var unsegmented = customers
            .Select(ThemeEngine.NormalizeCustomer)
            .Where(c => c.Length > 0 && !segmentOf.ContainsKey(c))
            .Distinct(StringComparer.Ordinal)
            .Count();
        var segments = sizes.Select(s => new Segment(s.Key, labels[s.Key], s.Value)).OrderByDescending(s => s.Size).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        return new CustomerSegments(segmentOf, segments, new Segment(Segment.NoneKey, null, unsegmented));
    }

    /// <summary>The named segment <paramref name="label"/> (any case), or null.</summary>
    public Segment? Find(string label) => Segments.FirstOrDefault(s => s.Key == Key(label));

    /// <summary>The segment key of a quote's customer: <see cref="Segment.NoneKey"/> without a profile or segment, null without a customer.</summary>
    public string? SegmentKeyOf(string? customer)
    {
        if (string.IsNullOrWhiteSpace(customer))
        {
            return null;
        }

        var normalized = ThemeEngine.NormalizeCustomer(customer);
        return normalized.Length == 0 ? null : _segmentOf.GetValueOrDefault(normalized, Segment.NoneKey);
    }

    /// <summary>The quotes whose customer is in <paramref name="segment"/> (quotes without a customer never are).</summary>
    public IReadOnlyList<QuoteRecord> QuotesIn(Segment segment, IReadOnlyList<QuoteRecord> quotes) =>
        [.. quotes.Where(q => SegmentKeyOf(q.Customer) == segment.Key)];

    /// <summary>Distinct customers of the theme per segment, for the segments it has customers in (largest segment first).</summary>
    public IReadOnlyList<SegmentCount> Count(QuoteTheme theme)
    {
        // The theme's distinct attributed customers (the same set its quotes name; a stored snapshot keeps only the quotes shown).
        var bySegment = theme.Theme.Customers
            .Select(ThemeEngine.NormalizeCustomer)
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(c => _segmentOf.GetValueOrDefault(c, Segment.NoneKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. All.Where(s => bySegment.ContainsKey(s.Key)).Select(s =>
        {
            var n = bySegment[s.Key];
            return new SegmentCount(s, n, s.Size, n >= MinCommonCustomers && 2 * n >= s.Size);
        })];
    }
}

using System.Text.Json;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Insights;

/// <summary>
/// What <c>/gtm insights</c> shows, as stored for a channel: the engine's insights over the channel's newest quotes (computed
/// at threshold 1: whether a theme is common is decided when read, with the channel's threshold at that moment) and its
/// distinct attributed customers (normalised), which the per-segment lines need. Each theme keeps the first
/// <see cref="QuoteFlow.QuotesPerTheme"/> of its quotes (what the card quotes); its counts are in <see cref="DiscoveredTheme"/>
/// (<see cref="DiscoveredTheme.Mentions"/>, <see cref="DiscoveredTheme.Customers"/>, <see cref="DiscoveredTheme.ItemIds"/>).
/// </summary>
public sealed record InsightsSnapshot(QuoteInsights Insights, IReadOnlyList<string> Customers)
{
    /// <summary>The snapshot of <paramref name="quotes"/>: what <see cref="QuoteInsights.Compute"/> gives for them, each theme's quotes cut to those shown.</summary>
    public static InsightsSnapshot Of(IReadOnlyList<QuoteRecord> quotes)
    {
        var insights = QuoteInsights.Compute(quotes, 1, QuoteFlow.MaxThemesShown);
        return new(
            insights with { Themes = [.. insights.Themes.Select(t => t with { Quotes = [.. t.Quotes.Take(QuoteFlow.QuotesPerTheme)] })] },
            [.. quotes.Where(q => !string.IsNullOrWhiteSpace(q.Customer)).Select(q => ThemeEngine.NormalizeCustomer(q.Customer!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The insights with each theme's common mark set by <paramref name="threshold"/> distinct attributed customers.</summary>
    public QuoteInsights At(int threshold) => Insights with
    {
        Themes = [.. Insights.Themes.Select(t => t with { Common = t.Theme.DistinctCustomers >= threshold })],
    };
}

/// <summary>A channel's insights as read: the snapshot, when it was built, and how far the channel has moved on since.</summary>
/// <param name="NewQuotes">Quotes captured since the snapshot was built (not in it yet).</param>
/// <param name="Behind">True when quotes were added, corrected or re-tagged since: a rebuild is on its way.</param>
public sealed record InsightsView(InsightsSnapshot Snapshot, DateTimeOffset BuiltAt, long NewQuotes, bool Behind);

/// <summary>
/// Keeps each channel's insights (themes, distinct customers, counts per tag and motive) stored, so that <c>/gtm insights</c>
/// reads one small row instead of grouping thousands of quotes per request. A change (capture, correction, re-tag) asks
/// <see cref="InsightsRefreshQueue"/> for a rebuild of that channel only, debounced; the rebuild reads the channel's quotes and
/// runs the same <see cref="QuoteInsights.Compute"/> as before, so the stored result is the from-scratch result. A read that
/// finds the snapshot behind (a change made by another instance, or a rebuild still waiting) answers from it and says so.
/// </summary>
public sealed class ChannelInsights(IQuoteStore quotes, IInsightsStore store, InsightsRefreshQueue queue, InsightsRefreshOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The channel's insights; null when it has no quotes.</summary>
    public async Task<InsightsView?> GetAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var (stored, now) = await store.ReadAsync(channel, cancellationToken);
        if (now.Quotes == 0)
        {
            return null;
        }

        if (stored is null || (stored.BuiltFrom != now && now.Quotes <= options.InlineUpTo))
        {
            stored = await RefreshAsync(channel, cancellationToken);
            return new InsightsView(Read(stored), stored.BuiltAt, 0, Behind: false);
        }

        var behind = stored.BuiltFrom != now;
        if (behind)
        {
            queue.Request(channel.ChannelOnly, TimeSpan.Zero);
        }

        return new InsightsView(Read(stored), stored.BuiltAt, Math.Max(0, now.Quotes - stored.BuiltFrom.Quotes), behind);
    }

    /// <summary>A quote of the channel was added, corrected or re-tagged: its snapshot is rebuilt shortly.</summary>
    public void Changed(ConversationKey channel) => queue.Request(channel.ChannelOnly, options.Debounce);

    /// <summary>Rebuilds and stores the channel's snapshot from its quotes now.</summary>
    public async Task<StoredInsights> RefreshAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        // The signature first: a quote committed while the quotes are read makes the snapshot look behind, never ahead.
        var signature = await store.SignatureAsync(channel, cancellationToken);
        var list = await quotes.ListAsync(channel, null, QuoteFlow.MaxScanned, cancellationToken);
        var stored = new StoredInsights(JsonSerializer.Serialize(InsightsSnapshot.Of(list), Json), signature, clock.GetUtcNow());
        await store.SaveAsync(channel, stored, cancellationToken);
        return stored;
    }

    private static InsightsSnapshot Read(StoredInsights stored) =>
        JsonSerializer.Deserialize<InsightsSnapshot>(stored.Json, Json) ?? throw new InvalidDataException("An empty insights snapshot was stored.");
}

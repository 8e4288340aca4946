using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Ports;

/// <summary>
/// A search of a workspace's quotes (one channel's when <paramref name="Channel"/> is set). Every filter is exact, as
/// <see cref="QuoteQuery.Matches"/> and <see cref="DataOut.QuoteFilter.Matches"/> read it: keywords are all required
/// (Chinese inside sentences, long Chinese keywords by their bigrams), the customer and who captured it (platform id or
/// display name) compare without case, the time range is <paramref name="From"/> inclusive to <paramref name="To"/> exclusive.
/// </summary>
/// <param name="NewestFirst">Newest first (the commands) or oldest first (the API's pages).</param>
/// <param name="After">Only quotes after this one in the chosen order (a page's cursor: its last quote's time and id).</param>
/// <param name="Limit">Most quotes returned.</param>
/// <param name="CountUpTo">Matches counted (<see cref="QuoteSearchResult.Matched"/>), at least <paramref name="Limit"/>; null for just the limit.</param>
public sealed record QuoteSearch(
    string WorkspaceKey,
    string? Channel,
    IReadOnlyList<string> Keywords,
    int Limit,
    string? Customer = null,
    string? By = null,
    string? Tag = null,
    Motive? Motive = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool NewestFirst = true,
    (DateTimeOffset At, long Id)? After = null,
    int? CountUpTo = null)
{
    /// <summary>True when the quote passes every filter of the search (not the channel or the cursor, which the query applies).</summary>
    public bool Matches(QuoteRecord quote) =>
        new QuoteQuery(Tag, Customer, Keywords).Matches(quote)
        && (By is null || string.Equals(quote.Origin.CapturedBy, By, StringComparison.OrdinalIgnoreCase) || string.Equals(quote.Origin.CapturedByName, By, StringComparison.OrdinalIgnoreCase))
        && (Motive is null || quote.Motive == Motive)
        && (From is null || quote.CapturedAt >= From)
        && (To is null || quote.CapturedAt < To);
}

/// <summary>Searches quotes in the database, through its search indexes (the <c>QuoteSearch</c> migration), not in memory.</summary>
public interface IQuoteSearch
{
    /// <summary>The quotes that pass <paramref name="search"/>, in its order, at most its limit, each with its channel; and how many match.</summary>
    Task<QuoteSearchResult> SearchAsync(QuoteSearch search, CancellationToken cancellationToken);

    /// <summary>The customers named on the channel's quotes, each once (as stored).</summary>
    Task<IReadOnlyList<string>> ListCustomersAsync(ConversationKey channel, CancellationToken cancellationToken);
}

/// <summary>What a search found.</summary>
/// <param name="Quotes">The first matches, at most the search's limit.</param>
/// <param name="Matched">How many quotes match, counted up to the search's <see cref="QuoteSearch.CountUpTo"/>.</param>
public sealed record QuoteSearchResult(IReadOnlyList<ChannelQuote> Quotes, int Matched);

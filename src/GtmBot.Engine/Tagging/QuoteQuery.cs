using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Tagging;

/// <summary>
/// A search over a channel's quotes: <c>[tag] [customer] [keyword…]</c>. Keywords match as substrings of the folded text
/// (case, full-width and traditional characters folded), not as whitespace tokens, so Chinese words match inside
/// unsegmented sentences; a longer Chinese keyword also matches when all of its character bigrams occur.
/// </summary>
public sealed record QuoteQuery(string? Tag, string? Customer, IReadOnlyList<string> Keywords)
{
    /// <summary>Chinese keywords at least this long fall back to bigram matching when not found whole.</summary>
    private const int BigramFallbackLength = 3;

    /// <summary>Share of a long keyword's bigrams that must occur (word order and particles differ between phrasings).</summary>
    private const double BigramShare = 0.6;

    private const int BigramMinFound = 2;

    public bool IsEmpty => Tag is null && Customer is null && Keywords.Count == 0;

    /// <summary>Reads the arguments of <c>/gtm quotes</c>: a tag word (English or Chinese), then a known customer (several words allowed), then keywords.</summary>
    public static QuoteQuery Parse(string args, IEnumerable<string> knownCustomers)
    {
        var words = args.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        string? tag = null;
        if (words.Count > 0 && QuoteStrings.ParseTag(words[0]) is { } t)
        {
            tag = t;
            words.RemoveAt(0);
        }

        string? customer = null;
        var known = knownCustomers.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var take = words.Count; take >= 1 && customer is null; take--)
        {
            var candidate = string.Join(' ', words.Take(take));
            customer = known.FirstOrDefault(k => string.Equals(k, candidate, StringComparison.OrdinalIgnoreCase));
            if (customer is not null)
            {
                words.RemoveRange(0, take);
            }
        }

        return new QuoteQuery(tag, customer, words);
    }

    public bool Matches(QuoteRecord quote)
    {
        if (Tag is not null && !quote.HasTag(Tag))
        {
            return false;
        }

        if (Customer is not null && !string.Equals(quote.Customer, Customer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Keywords.Count == 0)
        {
            return true;
        }

        var folded = SearchText(quote.Text, quote.Customer);
        return Keywords.All(k => ContainsKeyword(folded, k));
    }

    /// <summary>The folded text keywords are matched in: the quote's words and its customer. Stored with each quote for the search indexes.</summary>
    public static string SearchText(string text, string? customer) => PhraseMatcher.Fold(customer is null ? text : text + " " + customer);

    /// <summary>The keyword as it is matched: trimmed and folded like <see cref="SearchText"/>.</summary>
    public static string FoldKeyword(string keyword) => PhraseMatcher.Fold(keyword.Trim());

    /// <summary>
    /// True when a quote can match <paramref name="foldedKeyword"/> without holding it whole (the bigram rule of a long
    /// Chinese keyword): a search index must then look for its bigrams, not for the whole keyword.
    /// </summary>
    public static bool MatchesByBigrams(string foldedKeyword) => foldedKeyword.Length >= BigramFallbackLength && foldedKeyword.All(CustomerExtractor.IsCjk);

    /// <summary>The keyword's character pairs, as the bigram rule counts them.</summary>
    public static IReadOnlyList<string> Bigrams(string foldedKeyword) =>
        [.. Enumerable.Range(0, Math.Max(0, foldedKeyword.Length - 1)).Select(i => foldedKeyword.Substring(i, 2)).Distinct(StringComparer.Ordinal)];

    /// <summary>True when the keyword occurs in the text (both folded), or for a long Chinese keyword, most of its bigrams do.</summary>
    public static bool ContainsKeyword(string foldedText, string keyword)
    {
        var k = FoldKeyword(keyword);
        if (k.Length == 0 || foldedText.Contains(k, StringComparison.Ordinal))
        {
            return true;
        }

        if (!MatchesByBigrams(k))
        {
            return false;
        }

        var found = 0;
        for (var i = 0; i + 1 < k.Length; i++)
        {
            found += foldedText.Contains(k.AsSpan(i, 2), StringComparison.Ordinal) ? 1 : 0;
        }

        return found >= BigramMinFound && found >= BigramShare * (k.Length - 1);
    }

    /// <summary>The filter in words, for the reply.</summary>
    public string Describe(Lang lang)
    {
        var parts = new List<string>();
        if (Tag is not null)
        {
            parts.Add(QuoteStrings.Tag(Tag).Get(lang));
        }

        if (Customer is not null)
        {
            parts.Add(Customer);
        }

        parts.AddRange(Keywords.Select(k => $"\"{k}\""));
        return string.Join(" · ", parts);
    }
}

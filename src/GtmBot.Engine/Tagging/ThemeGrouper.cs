namespace GtmBot.Engine.Tagging;

/// <summary>One piece of feedback to group: an id of the caller's choosing, who said it (null when unknown) and the text.</summary>
public sealed record ThemeItem(string Id, string? Customer, string Text);

/// <summary>A recurring theme: a short label, its keywords, how many distinct customers raised it and in how many items.</summary>
/// <param name="Key">Stable key of the theme (its main keyword, folded): store decisions about a theme under it.</param>
/// <param name="Label">Readable label, as written in the items (e.g. <c>数据刷新</c>, <c>calendar sync</c>).</param>
/// <param name="Keywords">The terms that define it, main one first.</param>
/// <param name="DistinctCustomers">Distinct customers who raised it: one customer raising it twice counts once.</param>
/// <param name="Mentions">Items that raise it (an item raising it twice counts once).</param>
/// <param name="ItemIds">Those items' ids, in input order.</param>
/// <param name="Customers">Those customers, in order of first mention (unknown customers are not listed).</param>
public sealed record Theme(string Key, string Label, IReadOnlyList<string> Keywords, int DistinctCustomers, int Mentions, IReadOnlyList<string> ItemIds, IReadOnlyList<string> Customers);

/// <summary>
/// Groups short feedback texts (quotes, survey answers, review lines) into themes by shared keywords, in English and
/// Chinese alike, without a model: English words (lower case, light stemming, stop words dropped) and Chinese character
/// bigrams are the terms; a term raised in at least <see cref="MinMentions"/> items seeds a theme; terms that
/// occur in nearly the same items join it as keywords, and its label is the longest phrase shared by its items.
/// Themes are ranked by distinct customers, then mentions. An item with no customer counts as a customer of its own.
/// Reusable by anything that counts themes (quote insights, pasted-feedback summaries).
/// </summary>
public sealed class ThemeGrouper
{
    /// <summary>Items a term must appear in before it can seed a theme: a one-off is not a theme.</summary>
    public int MinMentions { get; init; } = 2;

    /// <summary>Distinct customers a term needs before it can seed a theme (1: one customer repeating it is an individual theme).</summary>
    public int MinCustomers { get; init; } = 1;

    /// <summary>Most themes returned.</summary>
    public int MaxThemes { get; init; } = 10;

    /// <summary>A term in more than this share of the items is too general to be a theme (only applied from 6 items up).</summary>
    public double MaxShare { get; init; } = 0.6;

    /// <summary>Two terms whose item sets overlap at least this much (Jaccard) are one theme.</summary>
    public double MergeOverlap { get; init; } = 0.6;

    private const int MinItemsForShareCap = 6;

    private const int MaxLabelLength = 24;

    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "for", "from", "by", "with", "about", "as", "into", "over",
        "after", "before", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having", "it", "its",
        "this", "that", "these", "those", "there", "here", "we", "our", "us", "you", "your", "they", "them", "their", "i", "me", "my", "he", "she", "his",
        "her", "not", "no", "yes", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "just", "very", "really", "also", "too",
        "all", "any", "some", "more", "most", "much", "many", "every", "each", "one", "two", "get", "got", "make", "made", "use", "used", "using", "need",
        "needs", "want", "wants", "like", "what", "when", "where", "which", "who", "why", "how", "than", "because", "still", "even", "only", "again",
        "now", "out", "up", "down", "off", "via", "per", "it's", "we're", "they're", "don't", "doesn't", "can't", "won't", "i'm", "we'd", "you're",
        "thing", "things", "lot", "bit", "way", "time", "day", "week", "customer", "customers", "client", "said", "says", "say", "think", "feel", "let",
        "please", "thanks", "thank", "hi", "hey", "ok", "okay", "well", "yeah", "honestly", "product", "app", "tool", "team", "people", "someone",
    };

    /// <summary>Characters that make a Chinese bigram grammatical glue rather than content.</summary>
    private const string ChineseStopChars = "的了是我你他她它们在和就都也很太这那个不有没要会能把被让给与及或还又再吗呢吧啊呀哦嘛着过之而且但如果因为所以对于说想用到里上下来去一些什么怎么多少最更比较非常已经还是就是可以我们你们他们这个那个";

    /// <summary>Groups the items into themes, most distinct customers first.</summary>
    public IReadOnlyList<Theme> Group(IReadOnlyList<ThemeItem> items)
    {
        var terms = new List<HashSet<string>>(items.Count);
        var folded = new List<string>(items.Count);
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var f = PhraseMatcher.Fold(items[i].Text);
            folded.Add(f);
            var set = Terms(f);
            terms.Add(set);
            foreach (var t in set)
            {
                if (!postings.TryGetValue(t, out var list))
                {
                    postings[t] = list = [];
                }

                list.Add(i);
            }
        }

        var customerKeys = items.Select((item, i) => string.IsNullOrWhiteSpace(item.Customer) ? "\u0001" + i : item.Customer.Trim().ToUpperInvariant()).ToList();
        var maxItems = items.Count >= MinItemsForShareCap ? (int)Math.Floor(items.Count * MaxShare) : int.MaxValue;

        var candidates = postings
            .Select(p => (Term: p.Key, Items: p.Value, Customers: p.Value.Select(i => customerKeys[i]).Distinct().Count()))
            .Where(c => c.Customers >= MinCustomers && c.Items.Count >= MinMentions && c.Items.Count <= maxItems)
            .OrderByDescending(c => c.Customers)
            .ThenByDescending(c => c.Items.Count)
            .ThenByDescending(c => c.Term.Length)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .ToList();

        var themes = new List<(List<string> Keywords, HashSet<int> Items)>();
        foreach (var (term, list, _) in candidates)
        {
            var set = list.ToHashSet();
            var home = themes.FirstOrDefault(t => Jaccard(t.Items, set) >= MergeOverlap);
            if (home.Keywords is not null)
            {
                home.Keywords.Add(term);
                continue;
            }

            if (themes.Count < MaxThemes * 2)
            {
                themes.Add(([term], set));
            }
        }

        return [.. themes
            .Select(t => Build(t.Keywords, t.Items, items, folded, customerKeys))
            .OrderByDescending(t => t.DistinctCustomers)
            .ThenByDescending(t => t.Mentions)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(MaxThemes)];
    }

    /// <summary>The terms of a folded text: English words and Chinese bigrams.</summary>
    internal static HashSet<string> Terms(string folded)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < folded.Length && (char.IsAsciiLetterOrDigit(folded[i]) || folded[i] is '\'' or '-'))
                {
                    i++;
                }

                var word = Stem(folded[start..i]);
                if (word.Length >= 3 && !EnglishStopWords.Contains(word))
                {
                    set.Add(word);
                }

                continue;
            }

            if (CustomerExtractor.IsCjk(c))
            {
                if (i + 1 < folded.Length && CustomerExtractor.IsCjk(folded[i + 1])
                    && !ChineseStopChars.Contains(c, StringComparison.Ordinal) && !ChineseStopChars.Contains(folded[i + 1], StringComparison.Ordinal))
                {
                    set.Add(folded.Substring(i, 2));
                }
            }

            i++;
        }

        return set;
    }

    /// <summary>Light English stemming so "syncs", "syncing" and "synced" meet.</summary>
    internal static string Stem(string word)
    {
        word = word.Trim('\'', '-');
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static Theme Build(List<string> keywords, HashSet<int> members, IReadOnlyList<ThemeItem> items, List<string> folded, List<string> customerKeys)
    {
        var ordered = members.Order().ToList();
        var customers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in ordered)
        {
            if (seen.Add(customerKeys[i]) && !string.IsNullOrWhiteSpace(items[i].Customer))
            {
                customers.Add(items[i].Customer!.Trim());
            }
        }

        return new Theme(keywords[0], Label(keywords[0], ordered, items, folded), keywords, seen.Count, ordered.Count, [.. ordered.Select(i => items[i].Id)], customers);
    }

    /// <summary>Grows the main term into the longest phrase most of the theme's items share, as written in the first of them.</summary>
    private static string Label(string term, List<int> members, IReadOnlyList<ThemeItem> items, List<string> folded)
    {
        var first = members[0];
        var text = folded[first];
        var at = text.IndexOf(term, StringComparison.Ordinal);
        if (at < 0)
        {
            return term;
        }

        var need = Math.Max(2, (members.Count + 1) / 2);
        int start = at, end = at + term.Length;
        var cjk = CustomerExtractor.IsCjk(term[0]);
        while (end - start < MaxLabelLength)
        {
            var grown = false;
            if (cjk && end < text.Length && CustomerExtractor.IsCjk(text[end]) && Shared(text[start..(end + 1)]) >= need)
            {
                end++;
                grown = true;
            }

            if (cjk && start > 0 && CustomerExtractor.IsCjk(text[start - 1]) && Shared(text[(start - 1)..end]) >= need)
            {
                start--;
                grown = true;
            }

            if (!grown)
            {
                break;
            }
        }

        var original = items[first].Text;
        return original.Length == text.Length ? original[start..end] : text[start..end];

        int Shared(string phrase) => members.Count(m => folded[m].Contains(phrase, StringComparison.Ordinal));
    }

    private static double Jaccard(HashSet<int> a, HashSet<int> b)
    {
        var inter = a.Count(b.Contains);
        var union = a.Count + b.Count - inter;
        return union == 0 ? 0 : (double)inter / union;
    }
}

using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

// The featuriser as it was before scoring was made cheaper (markup read twice, a string per word for the negator look-up,
// cue hashes computed per quote). Kept unchanged as the oracle that the faster featuriser must match, value for value.
#pragma warning disable IDE0046, IDE0045, IDE0057, CA1845, CA1865, CA1866
internal static class ReferenceQuoteFeatures
{
    private const int Dimension = QuoteFeatures.Dimension;

    /// <summary>How many following words an English negator (not, never, n't) marks as negated.</summary>
    private const int NegationSpan = 3;

    private const uint WordSeed = 0x9747b28c;
    private const uint BigramSeed = 0x85ebca6b;
    private const uint NegatedSeed = 0xc2b2ae35;
    private const uint CharSeed = 0x27d4eb2f;
    private const uint CueSeed = 0x165667b1;
    private const uint RuleSeed = 0xd3a2646c;

    private static readonly Cue[] EntryCues;
    private static readonly PhraseMatcher Matcher;
    private static readonly QuoteTagger Rules = new();

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "nothing", "none", "nobody", "neither", "nor", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
        "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "isnt", "dont", "doesnt", "didnt", "wont", "cant",
    };

    [ThreadStatic]
    private static List<int>? _ngrams;

    [ThreadStatic]
    private static List<int>? _extra;

    [ThreadStatic]
    private static List<PhraseHit>? _hits;

    static ReferenceQuoteFeatures()
    {
        var entries = Lexicon.Entries().ToList();
        EntryCues = [.. entries.Select(e => e.Cue)];
        Matcher = new PhraseMatcher(entries.Select((e, i) => (e.Phrase, i)));
    }

    /// <summary>The features of a raw quote, computed as the first shipped featuriser did.</summary>
    public static void Extract(string text, FeatureKinds kinds, SparseVector vector)
    {
        var stripped = QuoteMarkup.Strip(text, out var emphasised, out var emoji);
        var (customer, bodyStart) = CustomerExtractor.Extract(stripped);
        var folded = PhraseMatcher.Fold(bodyStart > 0 ? stripped[bodyStart..] : stripped);
        vector.Clear();

        var ngrams = _ngrams ??= new List<int>(512);
        ngrams.Clear();
        if ((kinds & FeatureKinds.Words) != 0)
        {
            AddWords(folded, ngrams);
        }

        if ((kinds & FeatureKinds.Chars) != 0)
        {
            AddChars(folded, ngrams);
        }

        // Cue and rule features are binary and kept apart from the n-grams' unit length: a cue weighs the same in a long note.
        var extra = _extra ??= new List<int>(64);
        extra.Clear();
        if ((kinds & FeatureKinds.Cues) != 0)
        {
            AddCues(folded, emphasised, emoji, customer is not null, extra);
        }

        if ((kinds & FeatureKinds.Rules) != 0)
        {
            var ruled = Rules.Tag(text);
            foreach (var tag in ruled.Tags)
            {
                extra.Add(Index(Hash(tag, RuleSeed)));
            }

            extra.Add(Index(Hash(ruled.Motive.ToString(), RuleSeed)));
        }

        Merge(ngrams, extra, vector);
    }

    /// <summary>Counts of the n-grams (sub-linear, scaled to unit length) merged with the binary extra features, indices ascending.</summary>
    private static void Merge(List<int> ngrams, List<int> extra, SparseVector vector)
    {
        ngrams.Sort();
        extra.Sort();
        var sumSquares = 0f;
        var run = 1;
        for (var i = 1; i <= ngrams.Count; i++)
        {
            if (i < ngrams.Count && ngrams[i] == ngrams[i - 1])
            {
                run++;
                continue;
            }

            var value = 1f + MathF.Log(run);
            sumSquares += value * value;
            run = 1;
        }

        // Sub-linear term frequency: a word said five times is not five times the evidence.
        var scale = sumSquares > 0 ? 1f / MathF.Sqrt(sumSquares) : 0f;
        int a = 0, b = 0;
        while (a < ngrams.Count || b < extra.Count)
        {
            var nextA = a < ngrams.Count ? ngrams[a] : int.MaxValue;
            var nextB = b < extra.Count ? extra[b] : int.MaxValue;
            var index = Math.Min(nextA, nextB);
            var value = 0f;
            if (nextA == index)
            {
                var count = 0;
                while (a < ngrams.Count && ngrams[a] == index)
                {
                    a++;
                    count++;
                }

                value += (1f + MathF.Log(count)) * scale;
            }

            if (nextB == index)
            {
                while (b < extra.Count && extra[b] == index)
                {
                    b++;
                }

                value += 1f;
            }

            vector.Add(index, value);
        }
    }

    private static void AddWords(string folded, List<int> output)
    {
        uint previous = 0;
        var negated = 0;
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (!IsWordChar(c))
            {
                if (c is '.' or ',' or ';' or '!' or '?' or '。' or '，' or '；' or '！' or '？' || CustomerExtractor.IsCjk(c))
                {
                    previous = 0;
                    negated = 0;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && IsWordChar(folded[i]))
            {
                i++;
            }

            var word = folded.AsSpan(start, i - start).Trim('\'');
            if (word.Length == 0)
            {
                continue;
            }

            var h = HashWord(word);
            output.Add(Index(Mix(h ^ WordSeed)));
            if (previous != 0)
            {
                output.Add(Index(Mix((previous * 0x9E3779B1u) ^ h ^ BigramSeed)));
            }

            if (negated > 0)
            {
                output.Add(Index(Mix(h ^ NegatedSeed)));
                negated--;
            }

            if (Negators.Contains(word.ToString()) || word.EndsWith("n't", StringComparison.Ordinal))
            {
                negated = NegationSpan;
            }

            previous = h;
        }
    }

    private static void AddChars(string folded, List<int> output)
    {
        var i = 0;
        while (i < folded.Length)
        {
            if (!CustomerExtractor.IsCjk(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && CustomerExtractor.IsCjk(folded[i]))
            {
                i++;
            }

            for (var p = start; p < i; p++)
            {
                uint h = CharSeed;
                for (var n = 0; n < 3 && p + n < i; n++)
                {
                    h = Mix(h ^ folded[p + n] ^ ((uint)(n + 1) << 24));
                    output.Add(Index(h));
                }
            }
        }
    }

    private static void AddCues(string folded, IReadOnlyList<string> emphasised, IReadOnlyList<string> emoji, bool hasCustomer, List<int> output)
    {
        var hits = _hits ??= new List<PhraseHit>(64);
        hits.Clear();
        Matcher.Match(folded, hits);
        foreach (var hit in hits)
        {
            var cue = EntryCues[hit.Entry];
            var negated = IsNegated(folded, hit.Start);
            output.Add(Index(Mix((uint)cue ^ (negated ? 0x100u : 0u) ^ CueSeed)));
        }

        foreach (var span in emphasised)
        {
            var f = PhraseMatcher.Fold(span);
            output.Add(Index(Hash("emphasis", CueSeed)));
            hits.Clear();
            Matcher.Match(f, hits);
            foreach (var hit in hits)
            {
                output.Add(Index(Mix((uint)EntryCues[hit.Entry] ^ 0x200u ^ CueSeed)));
            }
        }

        foreach (var code in emoji)
        {
            output.Add(Index(Hash("emoji:" + code, CueSeed)));
        }

        if (folded.Contains('?', StringComparison.Ordinal))
        {
            output.Add(Index(Hash("question", CueSeed)));
        }

        if (hasCustomer)
        {
            output.Add(Index(Hash("attributed", CueSeed)));
        }

        output.Add(Index(Hash("lang:" + QuoteTagger.LanguageOf(folded), CueSeed)));
    }

    /// <summary>A negator shortly before the cue in the same clause: English within about three words, Chinese 不/没/无/非/未 within three characters.</summary>
    private static bool IsNegated(string folded, int start)
    {
        var from = Math.Max(0, start - 16);
        for (var i = start - 1; i >= from; i--)
        {
            var c = folded[i];
            if (c is '.' or ',' or ';' or '!' or '?' or '。' or '，' or '；')
            {
                return false;
            }

            if (start - i <= 3 && c is '不' or '没' or '无' or '非' or '未')
            {
                return true;
            }

            if (char.IsAsciiLetter(c) && (i == 0 || !char.IsAsciiLetter(folded[i - 1]) && folded[i - 1] != '\''))
            {
                var end = i;
                while (end < start && (char.IsAsciiLetter(folded[end]) || folded[end] == '\''))
                {
                    end++;
                }

                var word = folded[i..end];
                if (Negators.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '\'' || (c > 0x7F && char.IsLetter(c) && !CustomerExtractor.IsCjk(c));

    private static uint HashWord(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var ch in word)
        {
            var c = char.IsAsciiDigit(ch) ? '0' : ch;
            h = (h ^ c) * 16777619u;
        }

        return h == 0 ? 1u : h;
    }

    private static uint Hash(string s, uint seed) => Mix(HashWord(s) ^ seed);

    /// <summary>Murmur3's finaliser: spreads the bits so the low <see cref="QuoteFeatures.DimensionBits"/> are well mixed.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        h *= 0xc2b2ae35u;
        h ^= h >> 16;
        return h;
    }

    private static int Index(uint h) => (int)(h & (Dimension - 1));
}

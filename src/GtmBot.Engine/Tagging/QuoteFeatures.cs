namespace GtmBot.Engine.Tagging;

/// <summary>Which groups of features a model reads (stored in the model file, so training and scoring agree).</summary>
[Flags]
public enum FeatureKinds
{
    None = 0,

    /// <summary>Latin word unigrams and bigrams (lower case, digits folded to 0, a negated copy after an English negator).</summary>
    Words = 1,

    /// <summary>Chinese character 1–3-grams within each run of CJK characters (traditional folded to simplified).</summary>
    Chars = 2,

    /// <summary>The lexicon's cue types (<see cref="Lexicon"/>) found in the quote, negated cues apart; sarcasm, praise emoji, question marks.</summary>
    Cues = 4,

    /// <summary>The rule tagger's (<see cref="QuoteTagger"/>) decisions as features.</summary>
    Rules = 8,

    /// <summary>Latin word trigrams (within a clause, like the bigrams).</summary>
    Trigrams = 16,

    /// <summary>Character 3–5-grams inside each Latin word, with its boundaries marked (typos, inflections, compounds).</summary>
    Subwords = 32,

    /// <summary>Latin word unigrams and bigrams of light English stems (plural, -ed, -ing, -ly removed).</summary>
    Stems = 64,

    /// <summary>Each lexicon cue again, crossed with the quote's language (en / zh / mixed), so a cue can weigh differently per language.</summary>
    LangCues = 128,

    /// <summary>What the shipped model uses (chosen by cross-validation on the training split, see bench/README.md).</summary>
    Default = Words | Chars | Cues | Stems,
}

/// <summary>A quote with its markup stripped and its customer attribution found, as the featuriser reads it.</summary>
/// <param name="Text">The raw quote (the rule tagger's features read it).</param>
/// <param name="Stripped">The quote without markup (<see cref="QuoteMarkup.Strip(string?, out IReadOnlyList{string}, out IReadOnlyList{string})"/>).</param>
/// <param name="Emphasised">The emphasised or scare-quoted spans.</param>
/// <param name="Emoji">The emoji codes removed.</param>
/// <param name="Customer">The attributed customer, if any.</param>
/// <param name="BodyStart">Where the body starts in <paramref name="Stripped"/>, after the attribution.</param>
internal readonly record struct PreparedQuote(string Text, string Stripped, IReadOnlyList<string> Emphasised, IReadOnlyList<string> Emoji, string? Customer, int BodyStart)
{
    public ReadOnlySpan<char> Body => Stripped.AsSpan(BodyStart);
}

/// <summary>A sparse feature vector: indices ascending and distinct, values aligned. Buffers are reused between calls.</summary>
public sealed class SparseVector
{
    private int[] _indices = new int[256];
    private float[] _values = new float[256];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    internal void Clear() => Count = 0;

    internal void Add(int index, float value)
    {
        if (Count == _indices.Length)
        {
            Array.Resize(ref _indices, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }

        _indices[Count] = index;
        _values[Count] = value;
        Count++;
    }

    /// <summary>A vector of the given entries (indices ascending and distinct), e.g. from a training tool's own vectors.</summary>
    public static SparseVector Of(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => new() { _indices = indices.ToArray(), _values = values.ToArray(), Count = indices.Length };

    /// <summary>A copy that owns its arrays (for keeping examples).</summary>
    public SparseVector Clone() => new() { _indices = Indices.ToArray(), _values = Values.ToArray(), Count = Count };

    /// <summary>Length of the vector.</summary>
    public float Norm()
    {
        var sum = 0f;
        foreach (var v in Values)
        {
            sum += v * v;
        }

        return MathF.Sqrt(sum);
    }

    /// <summary>Cosine similarity of two vectors (0 when either is empty).</summary>
    public static float Cosine(SparseVector a, SparseVector b)
    {
        var norms = a.Norm() * b.Norm();
        if (norms == 0)
        {
            return 0;
        }

        int i = 0, j = 0;
        var dot = 0f;
        while (i < a.Count && j < b.Count)
        {
            if (a._indices[i] == b._indices[j])
            {
                dot += a._values[i] * b._values[j];
                i++;
                j++;
            }
            else if (a._indices[i] < b._indices[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot / norms;
    }
}

/// <summary>
/// Turns a quote into hashed features for the trained tagger: word uni- and bigrams, Chinese character 1–3-grams, and
/// the lexicon's cues (negation and sarcasm among them) as extra features. The same code serves training
/// (tools/GtmBot.Training) and scoring, so a model and the bot always read a quote the same way.
/// </summary>
public static class QuoteFeatures
{
    /// <summary>Bits of the hashed feature space.</summary>
    public const int DimensionBits = 18;

    /// <summary>Size of the hashed feature space (2^18).</summary>
    public const int Dimension = 1 << DimensionBits;

    /// <summary>How many following words an English negator (not, never, n't) marks as negated.</summary>
    private const int NegationSpan = 3;

    private const uint WordSeed = 0x9747b28c;
    private const uint BigramSeed = 0x85ebca6b;
    private const uint NegatedSeed = 0xc2b2ae35;
    private const uint CharSeed = 0x27d4eb2f;
    private const uint CueSeed = 0x165667b1;
    private const uint RuleSeed = 0xd3a2646c;
    private const uint TrigramSeed = 0x3c6ef372;
    private const uint SubwordSeed = 0xa54ff53a;
    private const uint StemSeed = 0x510e527f;
    private const uint StemBigramSeed = 0x9b05688c;

    private static readonly Cue[] EntryCues;
    private static readonly PhraseMatcher Matcher;
    private static readonly QuoteTagger Rules = new();

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "nothing", "none", "nobody", "neither", "nor", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
        "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "isnt", "dont", "doesnt", "didnt", "wont", "cant",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int EmphasisIndex = Index(Hash("emphasis", CueSeed));
    private static readonly int QuestionIndex = Index(Hash("question", CueSeed));
    private static readonly int AttributedIndex = Index(Hash("attributed", CueSeed));
    private static readonly uint EmojiPrefix = Fnv("emoji:", FnvBasis);
    private static readonly uint LanguagePrefix = Fnv("lang:", FnvBasis);

    [ThreadStatic]
    private static List<int>? _ngrams;

    [ThreadStatic]
    private static List<int>? _extra;

    [ThreadStatic]
    private static List<PhraseHit>? _hits;

    static QuoteFeatures()
    {
        var entries = Lexicon.Entries().ToList();
        EntryCues = [.. entries.Select(e => e.Cue)];
        Matcher = new PhraseMatcher(entries.Select((e, i) => (e.Phrase, i)));
    }

    /// <summary>The features of a raw quote (markup and the customer attribution are removed first) into <paramref name="vector"/>.</summary>
    public static void Extract(string text, FeatureKinds kinds, SparseVector vector)
    {
        var stripped = QuoteMarkup.Strip(text, out var emphasised, out var emoji);
        var (customer, bodyStart) = CustomerExtractor.Extract(stripped);
        Extract(new PreparedQuote(text, stripped, emphasised, emoji, customer, bodyStart), kinds, vector);
    }

    /// <summary>As <see cref="Extract(string, FeatureKinds, SparseVector)"/> for a quote already stripped and attributed (the tagger does that once).</summary>
    internal static void Extract(in PreparedQuote quote, FeatureKinds kinds, SparseVector vector)
    {
        var folded = PhraseMatcher.Fold(quote.Body);
        var emphasised = quote.Emphasised;
        var emoji = quote.Emoji;
        var customer = quote.Customer;
        var text = quote.Text;
        vector.Clear();

        var ngrams = _ngrams ??= new List<int>(512);
        ngrams.Clear();
        if ((kinds & (FeatureKinds.Words | FeatureKinds.Trigrams | FeatureKinds.Subwords | FeatureKinds.Stems)) != 0)
        {
            AddWords(folded, kinds, ngrams);
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
            AddCues(folded, emphasised, emoji, customer is not null, (kinds & FeatureKinds.LangCues) != 0, extra);
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

    private static void AddWords(string folded, FeatureKinds kinds, List<int> output)
    {
        var words = (kinds & FeatureKinds.Words) != 0;
        var trigrams = (kinds & FeatureKinds.Trigrams) != 0;
        var subwords = (kinds & FeatureKinds.Subwords) != 0;
        var stems = (kinds & FeatureKinds.Stems) != 0;
        uint previousStem = 0;
        uint previous = 0;
        uint beforePrevious = 0;
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
                    previousStem = 0;
                    beforePrevious = 0;
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
            if (words)
            {
                output.Add(Index(Mix(h ^ WordSeed)));
                if (previous != 0)
                {
                    output.Add(Index(Mix((previous * 0x9E3779B1u) ^ h ^ BigramSeed)));
                }

                if (negated > 0)
                {
                    output.Add(Index(Mix(h ^ NegatedSeed)));
                }
            }

            if (negated > 0)
            {
                negated--;
            }

            if (trigrams && beforePrevious != 0)
            {
                output.Add(Index(Mix((((beforePrevious * 0x9E3779B1u) ^ previous) * 0x85EBCA77u) ^ h ^ TrigramSeed)));
            }

            if (subwords)
            {
                AddSubwords(word, output);
            }

            if (stems)
            {
                var stem = HashWord(Stem(word));
                output.Add(Index(Mix(stem ^ StemSeed)));
                if (previousStem != 0)
                {
                    output.Add(Index(Mix((previousStem * 0x9E3779B1u) ^ stem ^ StemBigramSeed)));
                }

                previousStem = stem;
            }

            if (NegatorLookup.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
            {
                negated = NegationSpan;
            }

            beforePrevious = previous;
            previous = h;
        }
    }

    /// <summary>A light English stem: plural -s/-es, -ed, -ing and -ly removed from words long enough to keep a stem of three letters.</summary>
    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("n't", StringComparison.Ordinal))
        {
            return word;
        }

        foreach (var suffix in StemSuffixes)
        {
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static readonly string[] StemSuffixes = ["ing", "ies", "es", "ed", "ly", "s"];

    /// <summary>Character 3–5-grams of "^word$" (digits folded to 0); words of one or two letters give none.</summary>
    private static void AddSubwords(ReadOnlySpan<char> word, List<int> output)
    {
        if (word.Length < 3)
        {
            return;
        }

        var length = word.Length + 2;
        for (var start = 0; start < length; start++)
        {
            var h = SubwordSeed;
            for (var n = 0; n < 5 && start + n < length; n++)
            {
                var p = start + n;
                var c = p == 0 ? '^' : p == length - 1 ? '$' : char.IsAsciiDigit(word[p - 1]) ? '0' : word[p - 1];
                h = (h ^ c) * 16777619u;
                if (n >= 2)
                {
                    output.Add(Index(Mix(h ^ ((uint)n << 28))));
                }
            }
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

    private static void AddCues(string folded, IReadOnlyList<string> emphasised, IReadOnlyList<string> emoji, bool hasCustomer, bool byLanguage, List<int> output)
    {
        var hits = _hits ??= new List<PhraseHit>(64);
        hits.Clear();
        Matcher.Match(folded, hits);
        var language = QuoteTagger.LanguageOf(folded);
        var languageSalt = language switch { "en" => 0x1000u, "zh" => 0x2000u, _ => 0x3000u };
        foreach (var hit in hits)
        {
            var cue = EntryCues[hit.Entry];
            var negated = IsNegated(folded, hit.Start);
            output.Add(Index(Mix((uint)cue ^ (negated ? 0x100u : 0u) ^ CueSeed)));
            if (byLanguage)
            {
                output.Add(Index(Mix((uint)cue ^ (negated ? 0x100u : 0u) ^ languageSalt ^ CueSeed)));
            }
        }

        foreach (var span in emphasised)
        {
            var f = PhraseMatcher.Fold(span);
            output.Add(EmphasisIndex);
            hits.Clear();
            Matcher.Match(f, hits);
            foreach (var hit in hits)
            {
                output.Add(Index(Mix((uint)EntryCues[hit.Entry] ^ 0x200u ^ CueSeed)));
            }
        }

        foreach (var code in emoji)
        {
            output.Add(Index(Mix(NonZero(Fnv(code, EmojiPrefix)) ^ CueSeed)));
        }

        if (folded.Contains('?', StringComparison.Ordinal))
        {
            output.Add(QuestionIndex);
        }

        if (hasCustomer)
        {
            output.Add(AttributedIndex);
        }

        output.Add(Index(Mix(NonZero(Fnv(language, LanguagePrefix)) ^ CueSeed)));
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

                var word = folded.AsSpan(i, end - i);
                if (NegatorLookup.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '\'' || (c > 0x7F && char.IsLetter(c) && !CustomerExtractor.IsCjk(c));

    private const uint FnvBasis = 2166136261u;

    private static uint HashWord(ReadOnlySpan<char> word) => NonZero(Fnv(word, FnvBasis));

    /// <summary>FNV-1a over the characters (digits folded to 0), continuing from <paramref name="h"/>.</summary>
    private static uint Fnv(ReadOnlySpan<char> text, uint h)
    {
        foreach (var ch in text)
        {
            var c = char.IsAsciiDigit(ch) ? '0' : ch;
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    private static uint NonZero(uint h) => h == 0 ? 1u : h;

    private static uint Hash(string s, uint seed) => Mix(HashWord(s) ^ seed);

    /// <summary>Murmur3's finaliser: spreads the bits so the low <see cref="DimensionBits"/> are well mixed.</summary>
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

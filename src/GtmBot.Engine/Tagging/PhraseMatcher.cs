namespace GtmBot.Engine.Tagging;

/// <summary>One phrase found in a text: which entry and where (on the folded text, same positions as the original).</summary>
internal readonly record struct PhraseHit(int Entry, int Start, int End);

/// <summary>
/// Finds every lexicon phrase in a text in one pass (Aho–Corasick): time linear in the text, independent of the lexicon
/// size, and no backtracking. Text is folded first (<see cref="Fold"/>): lower case, full-width to ASCII, curly quotes to
/// straight, traditional Chinese characters to simplified, so one lexicon serves all of them.
/// Latin phrases match whole words; a phrase ending in <c>*</c> matches a word prefix (<c>renew*</c>).
/// </summary>
internal sealed class PhraseMatcher
{
    private static readonly char[] FoldMap = BuildFoldMap();

    private readonly Dictionary<long, int> _goto = [];
    private readonly List<int> _fail = [0];
    private readonly List<int[]> _out = [[]];
    private readonly List<(int Entry, int Length, bool Prefix, bool LatinStart, bool LatinEnd)> _phrases = [];

    public PhraseMatcher(IEnumerable<(string Phrase, int Entry)> phrases)
    {
        var outputs = new List<List<int>> { new() };
        foreach (var (raw, entry) in phrases)
        {
            var prefix = raw.EndsWith('*');
            var phrase = Fold(prefix ? raw[..^1] : raw);
            if (phrase.Length == 0)
            {
                continue;
            }

            var node = 0;
            foreach (var c in phrase)
            {
                var key = Key(node, c);
                if (!_goto.TryGetValue(key, out var child))
                {
                    child = outputs.Count;
                    outputs.Add([]);
                    _fail.Add(0);
                    _goto[key] = child;
                }

                node = child;
            }

            outputs[node].Add(_phrases.Count);
            _phrases.Add((entry, phrase.Length, prefix, IsLatin(phrase[0]), IsLatin(phrase[^1])));
        }

        // Breadth-first failure links; outputs of the failure chain are merged so matching never walks it for output.
        var children = new Dictionary<int, List<(char C, int Child)>>();
        foreach (var (key, child) in _goto)
        {
            var parent = (int)(key >> 16);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(((char)(key & 0xFFFF), child));
        }

        var queue = new Queue<int>();
        foreach (var (_, child) in children.GetValueOrDefault(0) ?? [])
        {
            queue.Enqueue(child);
        }

        var order = new List<int>();
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            order.Add(node);
            foreach (var (c, child) in children.GetValueOrDefault(node) ?? [])
            {
                var f = _fail[node];
                while (f != 0 && !_goto.ContainsKey(Key(f, c)))
                {
                    f = _fail[f];
                }

                _fail[child] = _goto.TryGetValue(Key(f, c), out var target) && target != child ? target : 0;
                queue.Enqueue(child);
            }
        }

        foreach (var node in order)
        {
            outputs[node].AddRange(outputs[_fail[node]]);
        }

        foreach (var list in outputs.Skip(1))
        {
            _out.Add([.. list.Distinct()]);
        }
    }

    /// <summary>Folds one character as the matcher sees it.</summary>
    public static char FoldChar(char c) => FoldMap[c];

    /// <summary>Folds a whole string (same length as the input).</summary>
    public static string Fold(string text) => Fold(text.AsSpan());

    /// <summary>Folds a span of text into a new string of the same length.</summary>
    public static string Fold(ReadOnlySpan<char> text) => string.Create(text.Length, text, static (span, t) =>
    {
        for (var i = 0; i < t.Length; i++)
        {
            span[i] = FoldMap[t[i]];
        }
    });

    /// <summary>All hits in already-folded text, in order of their end.</summary>
    public void Match(ReadOnlySpan<char> folded, List<PhraseHit> hits)
    {
        var node = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            int next;
            while (!_goto.TryGetValue(Key(node, c), out next) && node != 0)
            {
                node = _fail[node];
            }

            node = next;
            foreach (var p in _out[node])
            {
                var (entry, length, prefix, latinStart, latinEnd) = _phrases[p];
                var start = i - length + 1;
                if (latinStart && start > 0 && IsLatin(folded[start - 1]))
                {
                    continue;
                }

                if (latinEnd && !prefix && i + 1 < folded.Length && IsLatin(folded[i + 1]))
                {
                    continue;
                }

                hits.Add(new PhraseHit(entry, start, i + 1));
            }
        }
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);

    private static char[] BuildFoldMap()
    {
        var map = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            map[i] = char.ToLowerInvariant((char)i);
        }

        // Full-width ASCII (Ａ, ０, ！) to ASCII, except the Chinese clause punctuation the tagger reads as such.
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            map[c] = char.ToLowerInvariant((char)(c - 0xFEE0));
        }

        map['\u2019'] = '\'';
        map['\u2018'] = '\'';
        map['\u201C'] = '"';
        map['\u201D'] = '"';
        map['\u3000'] = ' ';
        map['\u00A0'] = ' ';

        foreach (var (traditional, simplified) in TraditionalChinese.ToSimplified)
        {
            map[traditional] = simplified;
        }

        return map;
    }
}

using System.Globalization;

namespace GtmBot.Engine.Themes;

/// <summary>
/// A bilingual map of common software and product-feedback concepts (data file <c>Themes/Data/concepts.txt</c>), so that
/// "backup" and "备份", "dupes" and "重复", "slow" and "卡顿" land in one theme whatever language a customer wrote in.
/// It names kinds of feedback every product hears, not any one document's wording; words outside it still group by
/// shared rare words and character bigrams.
/// </summary>
public sealed class ConceptMap
{
    /// <summary>One concept.</summary>
    /// <param name="Id">Stable id (<c>backup</c>).</param>
    /// <param name="Weight">1 for a kind of complaint or ask; less for an object most feedback mentions (a report, the app).</param>
    /// <param name="English">English phrases as word patterns: <c>word*</c> any ending, <c>#</c> a number, <c>~</c> any word.</param>
    /// <param name="Chinese">Chinese words (simplified), matched as substrings; traditional text matches them too.</param>
    public sealed record Concept(string Id, double Weight, IReadOnlyList<string[]> English, IReadOnlyList<string> Chinese);

    /// <summary>Patterns by their first word, or by the first two letters of a first word that ends in <c>*</c>.</summary>
    private readonly Dictionary<string, List<(Concept Concept, string[] Pattern)>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Concept Concept, string[] Pattern)>> byFirstPrefix = new(StringComparer.Ordinal);
    private readonly List<(Concept Concept, string[] Pattern)> wildFirst = [];
    private readonly List<(Concept Concept, string Word)> chinese = [];

    private const int PrefixKeyLength = 2;

    private ConceptMap(IReadOnlyList<Concept> concepts)
    {
        Concepts = concepts;
        foreach (var c in concepts)
        {
            foreach (var p in c.English)
            {
                var first = p[0];
                if (first is "#" or "~" || (first.EndsWith('*') && first.Length - 1 < PrefixKeyLength))
                {
                    wildFirst.Add((c, p));
                }
                else if (first.EndsWith('*'))
                {
                    Add(byFirstPrefix, first[..PrefixKeyLength], (c, p));
                }
                else
                {
                    Add(byFirstWord, first, (c, p));
                }
            }

            chinese.AddRange(c.Chinese.Select(w => (c, w.ToLowerInvariant())));
        }

        static void Add(Dictionary<string, List<(Concept, string[])>> index, string key, (Concept, string[]) value)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(value);
        }
    }

    /// <summary>The map shipped with the product.</summary>
    public static ConceptMap Default { get; } = Parse(ThemeData.Read("concepts.txt"));

    public IReadOnlyList<Concept> Concepts { get; }

    /// <summary>Reads the data file's format: <c>id | weight | english, phrases | 中文, 词</c> per line, <c>#</c> comments.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line.</exception>
    public static ConceptMap Parse(string text)
    {
        var concepts = new List<Concept>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, line) in ThemeData.Lines(text))
        {
            var parts = line.Split('|');
            if (parts.Length != 4 || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight is <= 0 or > 1)
            {
                throw new FormatException($"concepts line {number}: expected 'id | weight (0–1] | english, … | 中文, …'");
            }

            var id = parts[0].Trim();
            if (id.Length == 0 || !ids.Add(id))
            {
                throw new FormatException($"concepts line {number}: empty or duplicate id '{id}'");
            }

            var english = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => ThemeText.Words(p.Replace("*", "qqstarqq", StringComparison.Ordinal).Replace("#", "qqnumqq", StringComparison.Ordinal).Replace("~", "qqanyqq", StringComparison.Ordinal))
                    .Select(w => w.Text.Replace("qqstarqq", "*", StringComparison.Ordinal).Replace("qqnumqq", "#", StringComparison.Ordinal).Replace("qqanyqq", "~", StringComparison.Ordinal))
                    .ToArray())
                .Where(p => p.Length > 0)
                .ToList();
            var chinese = parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            concepts.Add(new Concept(id, weight, english, chinese));
        }

        return new ConceptMap(concepts);
    }

    /// <summary>The concepts <paramref name="text"/> raises, each once, with the words as written that raised it.</summary>
    public IEnumerable<(Concept Concept, string Surface)> Match(string text, IReadOnlyList<Word> words)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (byFirstWord.TryGetValue(words[i].Text, out var list))
            {
                foreach (var hit in Try(list, i))
                {
                    yield return hit;
                }
            }

            if (words[i].Text.Length >= PrefixKeyLength && byFirstPrefix.TryGetValue(words[i].Text[..PrefixKeyLength], out var prefixed))
            {
                foreach (var hit in Try(prefixed, i))
                {
                    yield return hit;
                }
            }

            foreach (var hit in Try(wildFirst, i))
            {
                yield return hit;
            }
        }

        if (!text.Any(ThemeText.IsCjk))
        {
            yield break;
        }

        var folded = ThemeText.Simplify(text.ToLowerInvariant());
        foreach (var (c, word) in chinese)
        {
            if (seen.Contains(c.Id))
            {
                continue;
            }

            var at = folded.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                seen.Add(c.Id);
                yield return (c, text.Substring(at, word.Length));
            }
        }

        IEnumerable<(Concept, string)> Try(List<(Concept Concept, string[] Pattern)> candidates, int i)
        {
            foreach (var (concept, pattern) in candidates)
            {
                if (seen.Contains(concept.Id) || i + pattern.Length > words.Count)
                {
                    continue;
                }

                var ok = true;
                for (var k = 0; k < pattern.Length && ok; k++)
                {
                    ok = Fits(pattern[k], words[i + k].Text);
                }

                if (ok)
                {
                    seen.Add(concept.Id);
                    yield return (concept, text[words[i].Start..words[i + pattern.Length - 1].End]);
                }
            }
        }
    }

    private static bool Fits(string pattern, string word) => pattern switch
    {
        "~" => true,
        "#" => char.IsAsciiDigit(word[0]),
        _ when pattern.EndsWith('*') => word.StartsWith(pattern[..^1], StringComparison.Ordinal),
        _ => pattern == word,
    };
}

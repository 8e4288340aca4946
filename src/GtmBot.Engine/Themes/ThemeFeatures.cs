using System.Text.RegularExpressions;

namespace GtmBot.Engine.Themes;

/// <summary>
/// What a piece of feedback is about, as features: concepts of the <see cref="ConceptMap"/> (<c>c:backup</c>), English word
/// stems (<c>w:dupl</c>) and Chinese character bigrams (<c>z:续航</c>, traditional characters read as simplified), stop words left out, each with the words as written.
/// </summary>
public static partial class ThemeFeatures
{
    public const string ConceptPrefix = "c:";
    public const string WordPrefix = "w:";
    public const string BigramPrefix = "z:";

    /// <summary>Shortest English word that can carry a theme.</summary>
    private const int MinWordLength = 3;

    /// <summary>All features of <paramref name="text"/>: concepts, then words and bigrams.</summary>
    public static Dictionary<string, string> Describe(string text, ConceptMap concepts)
    {
        text = WithoutLinks(text);
        var words = ThemeText.Words(text);
        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (concept, surface) in concepts.Match(text, words))
        {
            features.TryAdd(ConceptPrefix + concept.Id, surface);
        }

        foreach (var (f, surface) in Terms(text, words))
        {
            features.TryAdd(f, surface);
        }

        return features;
    }

    /// <summary>The word and bigram features of <paramref name="text"/> (no concepts).</summary>
    public static Dictionary<string, string> Terms(string text)
    {
        text = WithoutLinks(text);
        return Terms(text, ThemeText.Words(text));
    }

    /// <summary>Links and e-mail addresses say where, not what: they never make a theme.</summary>
    private static string WithoutLinks(string text) => text.Contains("://", StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
        ? Link().Replace(text, " ")
        : text;

    private static Dictionary<string, string> Terms(string text, List<Word> words)
    {
        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (w.Text.Length < MinWordLength || char.IsAsciiDigit(w.Text[0]) || StopWords.IsEnglish(w.Text))
            {
                continue;
            }

            features.TryAdd(WordPrefix + ThemeText.Stem(w.Text), text[w.Start..w.End]);
        }

        foreach (var (run, _) in ThemeText.ChineseRuns(text))
        {
            var simplified = ThemeText.Simplify(run);
            for (var i = 0; i + 1 < run.Length; i++)
            {
                var bigram = simplified.Substring(i, 2);
                if (!StopWords.IsChinese(bigram))
                {
                    features.TryAdd(BigramPrefix + bigram, run.Substring(i, 2));
                }
            }
        }

        return features;
    }

    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)[^\s<>|]+|[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Link();
}

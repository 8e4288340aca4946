namespace GtmBot.Engine.Themes;

/// <summary>A Latin word of a text: lower case, with where it stands in the original.</summary>
public readonly record struct Word(string Text, int Start, int End);

/// <summary>Tokenising for themes: Latin words (hyphens split, <c>t+1</c> and <c>don't</c> kept whole) and runs of Chinese characters.</summary>
public static class ThemeText
{
    /// <summary>The Latin words of <paramref name="text"/>, in order.</summary>
    public static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsLetterOrDigit(c) || c == '+')
                {
                    i++;
                }
                else if (c is '\'' or '’' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            words.Add(new Word(text[start..i].Replace('’', '\'').ToLowerInvariant(), start, i));
        }

        return words;
    }

    /// <summary>Runs of Chinese characters (simplified or traditional), with where each starts.</summary>
    public static IEnumerable<(string Run, int Start)> ChineseRuns(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsCjk(text[i]))
            {
                i++;
            }

            yield return (text[start..i], start);
        }
    }

    /// <summary>Traditional characters and their simplified forms: the tagger's table (<c>Tagging/Data/traditional-simplified.tsv</c>).</summary>
    private static readonly IReadOnlyDictionary<char, char> TraditionalToSimplified = Tagging.TraditionalChinese.ToSimplified;

    /// <summary>
    /// <paramref name="text"/> with traditional Chinese characters written simplified, one character for one, so positions
    /// stay where they were: "離線" and "离线", "續航" and "续航" become one feature.
    /// </summary>
    public static string Simplify(string text)
    {
        var i = 0;
        while (i < text.Length && !TraditionalToSimplified.ContainsKey(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (TraditionalToSimplified.TryGetValue(chars[i], out var simplified))
            {
                chars[i] = simplified;
            }
        }

        return new string(chars);
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>A light English stemmer: enough to make "duplicates", "duplicated" and "duplicate" one word.</summary>
    public static string Stem(string word)
    {
        var w = word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 ? word[..^3] + "y"
            : word.EndsWith("ss", StringComparison.Ordinal) ? word
            : word.EndsWith('s') && word.Length > 3 ? word[..^1] : word;
        foreach (var suffix in (string[])["ing", "ed", "ly", "e"])
        {
            if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                w = w[..^suffix.Length];
                // "splitting" and "split", "planned" and "plan": a doubled final consonant is the suffix's.
                return suffix is "ing" or "ed" && w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z' or 'e' or 'o') ? w[..^1] : w;
            }
        }

        return w;
    }

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c) || (c is > '\u00bf' and < '\u0250' && char.IsLetter(c));
}

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

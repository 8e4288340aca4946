namespace GtmBot.Engine.Themes;

/// <summary>
/// Words that never make a theme or label it, in English and Chinese (data files <c>Themes/Data/stopwords-*.txt</c>):
/// function words, fillers ("otherwise", "的时候", "根本") and words every piece of feedback uses.
/// </summary>
public static class StopWords
{
    private static readonly (HashSet<string> Words, HashSet<char> Singles) EnglishData = Load("stopwords-en.txt");
    private static readonly (HashSet<string> Words, HashSet<char> Singles) ChineseData = Load("stopwords-zh.txt");
    private static readonly HashSet<string> English = EnglishData.Words;
    private static readonly HashSet<string> Chinese = ChineseData.Words;
    private static readonly HashSet<char> ChineseGlue = ChineseData.Singles;

    /// <summary>True for an English stop word (lower case).</summary>
    public static bool IsEnglish(string word) => English.Contains(word);

    /// <summary>True for a Chinese stop word, or a bigram that is glue (contains a function character such as 的, 了, 是).</summary>
    public static bool IsChinese(string word) => Chinese.Contains(word) || word.Any(ChineseGlue.Contains);

    /// <summary>True when <paramref name="label"/> is nothing but a stop word in either language.</summary>
    public static bool IsStopWord(string label)
    {
        var t = label.Trim().ToLowerInvariant();
        return English.Contains(t) || Chinese.Contains(t) || (t.Length == 1 && ChineseGlue.Contains(t[0]));
    }

    private static (HashSet<string> Words, HashSet<char> Singles) Load(string file)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var singles = new HashSet<char>();
        foreach (var (_, line) in ThemeData.Lines(ThemeData.Read(file)))
        {
            foreach (var w in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (w.Length == 1 && ThemeText.IsCjk(w[0]))
                {
                    singles.Add(w[0]);
                }
                else
                {
                    words.Add(w.ToLowerInvariant());
                }
            }
        }

        return (words, singles);
    }
}

using System.Globalization;
using System.Text;

namespace GtmBot.Engine.Themes;

/// <summary>
/// How often each word and Chinese bigram occurs across the product's quote corpus (data file
/// <c>Themes/Data/background.tsv</c>, rebuilt from <c>data/quotes/train.jsonl</c> (the corpus's training split) by
/// <c>dotnet run --project bench/GtmBot.Bench -- themes-background data/quotes/train.jsonl</c>). A word every customer uses
/// ("data", "系统") weighs little; a rare one ("dupes", "降频") weighs in full.
/// </summary>
public sealed class BackgroundFrequency
{
    private readonly Dictionary<string, int> documentFrequency;

    private BackgroundFrequency(int documents, Dictionary<string, int> documentFrequency)
    {
        Documents = documents;
        this.documentFrequency = documentFrequency;
    }

    /// <summary>The table shipped with the product (empty when the corpus was not there when it was built).</summary>
    public static BackgroundFrequency Default { get; } = Parse(ThemeData.Read("background.tsv"));

    /// <summary>Texts the table was counted over.</summary>
    public int Documents { get; }

    /// <summary>
    /// Rarity (idf scaled to 0–1) at or above which a feature keeps its full weight: a word in up to about one text in
    /// sixty of a 3,000-text corpus is specific enough; only words much more common than that are damped.
    /// </summary>
    private const double FullWeightRarity = 0.5;

    /// <summary>1 for a feature the corpus uses rarely or never, falling towards 0 for one nearly every text uses.</summary>
    public double Rarity(string feature)
    {
        if (Documents == 0 || !documentFrequency.TryGetValue(feature, out var df))
        {
            return 1.0;
        }

        var idf = Math.Log((Documents + 1.0) / (df + 1.0)) / Math.Log(Documents + 1.0);
        return Math.Min(1.0, idf / FullWeightRarity);
    }

    /// <summary>Reads <c>#documents N</c> then <c>feature TAB count</c> lines.</summary>
    public static BackgroundFrequency Parse(string text)
    {
        var documents = 0;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("#documents ", StringComparison.Ordinal))
            {
                documents = int.Parse(line["#documents ".Length..], CultureInfo.InvariantCulture);
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || tab <= 0)
            {
                continue;
            }

            df[line[..tab]] = int.Parse(line[(tab + 1)..], CultureInfo.InvariantCulture);
        }

        return new BackgroundFrequency(documents, df);
    }

    /// <summary>Counts the word and bigram features of <paramref name="texts"/> into the data file's format (features in at least <paramref name="minCount"/> texts).</summary>
    public static string Build(IEnumerable<string> texts, int minCount = 2)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            foreach (var f in ThemeFeatures.Terms(text).Keys)
            {
                df[f] = df.GetValueOrDefault(f) + 1;
            }
        }

        var sb = new StringBuilder();
        sb.Append("# Document frequency of theme features over the quote corpus. Generated: do not edit by hand.\n");
        sb.Append(CultureInfo.InvariantCulture, $"#documents {n}\n");
        foreach (var (f, count) in df.Where(p => p.Value >= minCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{f}\t{count}\n");
        }

        return sb.ToString();
    }
}

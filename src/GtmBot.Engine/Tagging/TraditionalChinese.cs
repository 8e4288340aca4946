namespace GtmBot.Engine.Tagging;

/// <summary>
/// Traditional Chinese characters and their simplified forms, one character for one: the embedded table
/// <c>Tagging/Data/traditional-simplified.tsv</c> (from ICU's Traditional-Simplified transliterator), read once for the
/// tagger's fold map and the theme engine alike.
/// </summary>
internal static class TraditionalChinese
{
    public static IReadOnlyDictionary<char, char> ToSimplified { get; } = Load();

    private static Dictionary<char, char> Load()
    {
        const string name = "GtmBot.Engine.Tagging.Data.traditional-simplified.tsv";
        using var stream = typeof(TraditionalChinese).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing from GtmBot.Engine.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 3 && line[0] != '#' && line[1] == '\t')
            {
                table[line[0]] = line[2];
            }
        }

        return table;
    }
}

using System.Reflection;

namespace GtmBot.Engine.Themes;

/// <summary>The theme engine's data files (<c>Themes/Data</c>), embedded in the assembly so the engine needs no files at run time.</summary>
internal static class ThemeData
{
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GtmBot.Engine.Themes.Data." + name)
            ?? throw new InvalidOperationException($"Embedded theme data file '{name}' is missing from GtmBot.Engine.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Lines that are neither blank nor <c>#</c> comments, with their 1-based numbers.</summary>
    public static IEnumerable<(int Number, string Line)> Lines(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (number, line);
            }
        }
    }
}

using System.Text.Json;
using GtmBot.Engine.Summaries;

namespace GtmBot.Tests.Themes;

/// <summary>The repository's own feedback documents with gold themes (<c>data/feedback</c>): always there, so these tests always run.</summary>
internal static class OwnFeedbackDocs
{
    public sealed record GoldTheme(string Theme, IReadOnlyList<string> Keywords, int DistinctCustomers, int Mentions, IReadOnlyList<string> Customers);

    public static string Directory { get; } = Find();

    public static IReadOnlyList<string> Names() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.gold.json").Select(p => Path.GetFileName(p)[..^".gold.json".Length]).Order(StringComparer.Ordinal)];

    public static string Text(string doc) => File.ReadAllText(Path.Combine(Directory, doc + ".txt"));

    public static (IReadOnlyList<GoldTheme> Themes, int InjectionLine) Gold(string doc)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, doc + ".gold.json")));
        var themes = json.RootElement.GetProperty("themes").EnumerateArray().Select(t => new GoldTheme(
            t.GetProperty("theme").GetString()!,
            [.. t.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!)],
            t.GetProperty("distinct_customers").GetInt32(),
            t.GetProperty("mentions").GetInt32(),
            [.. t.GetProperty("customers").EnumerateArray().Select(k => k.GetString()!)])).ToList();
        return (themes, json.RootElement.GetProperty("injection_line").GetInt32());
    }

    /// <summary>The predicted theme sharing the most gold keywords with <paramref name="gold"/>, if any shares one.</summary>
    public static SummaryTheme? BestMatch(IEnumerable<SummaryTheme> predicted, GoldTheme gold)
    {
        var keys = gold.Keywords.Append(gold.Theme).Select(k => k.ToLowerInvariant()).ToList();
        return predicted
            .Select(p => (p, Score: keys.Count(k => p.Keywords.Append(p.Label).Select(w => w.ToLowerInvariant())
                .Any(w => w.Contains(k, StringComparison.Ordinal) || (w.Length > 1 && k.Contains(w, StringComparison.Ordinal))))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.p)
            .FirstOrDefault();
    }

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("GtmBot.sln not found above the test binaries.")
            : Path.Combine(dir.FullName, "data", "feedback");
    }
}

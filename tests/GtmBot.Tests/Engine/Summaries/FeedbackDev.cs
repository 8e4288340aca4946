using System.Text.Json;

namespace GtmBot.Tests.Engine.Summaries;

/// <summary>The development feedback documents and their gold themes, read from <c>../shared/eval/feedback-dev</c>.</summary>
internal static class FeedbackDev
{
    public sealed record GoldTheme(string Theme, IReadOnlyList<string> Keywords, int DistinctCustomers, int Mentions, string Motive);

    private static readonly string? Found = Find();

    /// <summary>The dev documents' folder; skips the test (fails it in CI) when <c>../shared</c> is not next to the repository.</summary>
    public static string Directory => Found ?? Missing();

    public static string Text(string doc) => File.ReadAllText(Path.Combine(Directory, doc + ".txt"));

    public static (IReadOnlyList<GoldTheme> Themes, int InjectionLine) Gold(string doc)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, doc + ".gold.json")));
        var themes = json.RootElement.GetProperty("themes").EnumerateArray().Select(t => new GoldTheme(
            t.GetProperty("theme").GetString()!,
            [.. t.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!)],
            t.GetProperty("distinct_customers").GetInt32(),
            t.GetProperty("mentions").GetInt32(),
            t.GetProperty("motive").GetString()!)).ToList();
        return (themes, json.RootElement.GetProperty("injection_line").GetInt32());
    }

    /// <summary>A predicted theme matches a gold one when its label or keywords share a gold keyword.</summary>
    public static bool Matches(GtmBot.Engine.Summaries.SummaryTheme predicted, GoldTheme gold)
    {
        var words = predicted.Keywords.Append(predicted.Label).Select(w => w.ToLowerInvariant()).ToList();
        return gold.Keywords.Append(gold.Theme).Select(k => k.ToLowerInvariant())
            .Any(k => words.Any(w => w.Contains(k, StringComparison.Ordinal) || (w.Length > 1 && k.Contains(w, StringComparison.Ordinal))));
    }

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        // ../shared next to the repository root; a worktree sits one level deeper.
        for (var up = dir; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "..", "shared", "eval", "feedback-dev");
            if (System.IO.Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static string Missing()
    {
        const string what = "../shared/eval/feedback-dev (the development feedback documents) is not next to the repository";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("Required in CI and missing: " + what);
        }

        Assert.Skip("Not available here: " + what);
        return string.Empty;
    }
}

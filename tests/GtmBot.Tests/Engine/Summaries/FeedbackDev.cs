using System.Text.Json;

namespace GtmBot.Tests.Engine.Summaries;

/// <summary>The development feedback documents and their gold themes, read from <c>../shared/eval/feedback-dev</c>.</summary>
internal static class FeedbackDev
{
    public sealed record GoldTheme(string Theme, IReadOnlyList<string> Keywords, int DistinctCustomers, int Mentions, string Motive);

    /// <summary>The folder; the test skips when it is absent (fails in CI).</summary>
    public static string Directory => SharedFolder.Require("eval", "feedback-dev");

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
}

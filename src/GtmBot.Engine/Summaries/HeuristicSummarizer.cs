using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// The offline summarizer: always works, no model. Splits the paste into lines and customers (<see cref="FeedbackDocument"/>)
/// and groups the feedback lines with the <see cref="ThemeEngine"/> (the same engine behind <c>/gtm insights</c>). A group
/// becomes a theme when more than one source raises it; customers are counted only when attributed.
/// </summary>
public sealed class HeuristicSummarizer(IQuoteTagger? tagger = null, ThemeEngine? engine = null) : ISummarizer
{
    /// <summary>Representative quotes kept per theme.</summary>
    public const int MaxQuotesPerTheme = 3;

    /// <summary>Keywords kept per theme.</summary>
    public const int MaxKeywords = ThemeEngine.MaxKeywords;

    private readonly ThemeEngine themes = engine ?? ThemeEngine.Default;

    public Task<FeedbackSummary> SummarizeAsync(string text, SummaryOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Summarize(text, options));

    /// <summary>The synchronous core, for the CLI and the LLM's fallback.</summary>
    public FeedbackSummary Summarize(string text, SummaryOptions options)
    {
        var lines = FeedbackDocument.Parse(text);
        var language = options.Language ?? DetectLanguage(text);
        var byId = lines.Where(l => l.IsFeedback).ToDictionary(l => l.Number.ToString(CultureInfo.InvariantCulture));
        var items = byId.Select(p => new ThemeItem(p.Key, p.Value.Customer, p.Value.Body)).ToList();

        var result = new List<(SummaryTheme Theme, bool Pain, bool Request)>();
        foreach (var found in themes.Discover(items, new ThemeEngineOptions(MinMentions: 2, MinSources: 2)))
        {
            var members = found.ItemIds.Select(id => byId[id]).ToList();
            if (members.All(IsOnlyPraise))
            {
                continue; // "Fast delivery", "物流也快": shared praise is good news, not a need to weigh.
            }

            var needs = members.Count(l => IsNeed(l));
            var wants = members.Count(l => !IsNeed(l) && IsWant(l));
            var motive = needs > 0 && needs >= wants ? "need" : "want";
            var requests = members.Count(l => IsRequest(l));
            var sources = found.DistinctCustomers + found.Unattributed;
            var priority = (motive, sources) switch
            {
                ("need", >= 3) => Moscow.Must,
                ("need", _) or (_, >= 3) => Moscow.Should,
                _ => Moscow.Could,
            };
            var quotes = members.GroupBy(l => l.Customer is null ? "#" + l.Number.ToString(CultureInfo.InvariantCulture) : ThemeEngine.NormalizeCustomer(l.Customer))
                .Select(g => g.First().Raw.Trim()).Take(MaxQuotesPerTheme).ToList();
            result.Add((new SummaryTheme(found.Label, found.Keywords, found.DistinctCustomers, found.Mentions, motive, quotes, priority, found.Unattributed, found.Customers),
                requests * 2 < members.Count, requests > 0));
        }

        return new FeedbackSummary(
            language,
            [.. result.Select(t => t.Theme)],
            [.. result.Where(t => t.Pain).Select(t => t.Theme.Label)],
            [.. result.Where(t => t.Request).Select(t => t.Theme.Label)],
            FeedbackSummary.Heuristic,
            Lines: lines.Count(l => l.Raw.Trim().Length > 0),
            IgnoredInstructionLines: [.. lines.Where(l => l.IsInjection).Select(l => l.Number)]);
    }

    /// <summary>Chinese characters per word, as the corpus counts them (a Chinese word is about 1.5 characters).</summary>
    private const double ChineseCharsPerWord = 1.5;

    /// <summary>
    /// The paste's dominant language: <c>zh</c> when it has more Chinese words (characters / 1.5) than English words,
    /// else <c>en</c>. A half-English paste with a few Chinese names or phrases stays English.
    /// </summary>
    public static string DetectLanguage(string text)
    {
        int cjk = 0, latinWords = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsAsciiLetter(c))
            {
                latinWords += inWord ? 0 : 1;
                inWord = true;
            }
            else if (c != '\'' && c != '-')
            {
                inWord = false;
            }
        }

        return cjk / ChineseCharsPerWord > latinWords ? "zh" : "en";
    }

    private bool IsNeed(FeedbackLine line) =>
        FeedbackCues.SoundsLikeNeed(line.Body) || (!FeedbackCues.SoundsLikeWant(line.Body) && tagger?.Tag(line.Body).Motive == Motive.Need);

    private bool IsWant(FeedbackLine line) => FeedbackCues.SoundsLikeWant(line.Body) || tagger?.Tag(line.Body).Motive == Motive.Want;

    private bool IsOnlyPraise(FeedbackLine line) =>
        tagger?.Tag(line.Body) is { } tags && tags.Tags.Contains(QuoteTags.Praise)
        && !tags.Tags.Any(t => t is QuoteTags.Pain or QuoteTags.FeatureRequest or QuoteTags.Objection or QuoteTags.ChurnRisk) && !FeedbackCues.IsRequest(line.Body);

    private bool IsRequest(FeedbackLine line) =>
        FeedbackCues.IsRequest(line.Body) || (tagger?.Tag(line.Body).Tags.Contains(QuoteTags.FeatureRequest) ?? false);

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}

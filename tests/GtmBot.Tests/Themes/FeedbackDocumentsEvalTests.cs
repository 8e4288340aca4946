using GtmBot.Engine.Summaries;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;

namespace GtmBot.Tests.Themes;

/// <summary>
/// The offline summarizer on the repository's own feedback documents (en, zh, mixed; survey, tickets, call notes, CSV,
/// reviews, signed e-mails). They stand in for unseen documents: the bar is the product's, not perfection.
/// </summary>
public sealed class FeedbackDocumentsEvalTests
{
    /// <summary>Share of gold themes that must be found.</summary>
    private const double MinRecall = 0.8;

    /// <summary>Share of gold themes that must be found with the exact distinct-customer count.</summary>
    private const double MinExactCustomers = 0.6;

    private static readonly HeuristicSummarizer Summarizer = new(new QuoteTagger());

    [Fact]
    public void There_are_six_documents_each_with_four_to_fourteen_customers()
    {
        var names = OwnFeedbackDocs.Names();
        Assert.Equal(6, names.Count);
        foreach (var name in names)
        {
            var lines = FeedbackDocument.Parse(OwnFeedbackDocs.Text(name));
            var customers = lines.Where(l => l.IsFeedback && l.Customer is not null).Select(l => ThemeEngine.NormalizeCustomer(l.Customer!)).Distinct().Count();
            Assert.InRange(customers, 4, 14);
        }
    }

    [Fact]
    public void Most_gold_themes_are_found_and_most_with_the_exact_distinct_customer_count()
    {
        int gold = 0, found = 0, exact = 0;
        var report = new List<string>();
        foreach (var name in OwnFeedbackDocs.Names())
        {
            var summary = Summarizer.Summarize(OwnFeedbackDocs.Text(name), SummaryOptions.Auto);
            var unmatched = summary.Themes.ToList();
            foreach (var g in OwnFeedbackDocs.Gold(name).Themes)
            {
                gold++;
                var match = OwnFeedbackDocs.BestMatch(unmatched, g);
                if (match is null)
                {
                    report.Add($"{name}: missed '{g.Theme}'");
                    continue;
                }

                unmatched.Remove(match);
                found++;
                exact += match.DistinctCustomers == g.DistinctCustomers ? 1 : 0;
                report.Add($"{name}: '{g.Theme}' -> '{match.Label}' {match.DistinctCustomers}/{g.DistinctCustomers} customers");
            }
        }

        Assert.True(found >= MinRecall * gold, $"found {found}/{gold}\n" + string.Join('\n', report));
        Assert.True(exact >= MinExactCustomers * gold, $"exact customer counts {exact}/{gold}\n" + string.Join('\n', report));
    }

    [Fact]
    public void Every_injection_line_is_reported_and_never_counted_or_quoted()
    {
        foreach (var name in OwnFeedbackDocs.Names())
        {
            var text = OwnFeedbackDocs.Text(name);
            var line = OwnFeedbackDocs.Gold(name).InjectionLine;
            var injected = text.Split('\n')[line - 1].Trim();
            var summary = Summarizer.Summarize(text, SummaryOptions.Auto);

            Assert.Contains(line, summary.IgnoredInstructionLines ?? []);
            Assert.DoesNotContain(injected, summary.Themes.SelectMany(t => t.Quotes));
        }
    }

    [Fact]
    public void No_theme_is_labelled_by_a_stop_word_and_no_customer_count_exceeds_the_attributed_customers()
    {
        foreach (var name in OwnFeedbackDocs.Names())
        {
            var text = OwnFeedbackDocs.Text(name);
            var attributed = FeedbackDocument.Parse(text).Where(l => l.IsFeedback && l.Customer is not null).Select(l => ThemeEngine.NormalizeCustomer(l.Customer!)).ToHashSet();
            foreach (var theme in Summarizer.Summarize(text, SummaryOptions.Auto).Themes)
            {
                Assert.NotEmpty(theme.Label);
                Assert.DoesNotContain(theme.Label.Split(" / "), StopWords.IsStopWord);
                Assert.All(theme.Customers ?? [], c => Assert.Contains(ThemeEngine.NormalizeCustomer(c), attributed));
                Assert.Equal(theme.Customers?.Count ?? 0, theme.DistinctCustomers);
            }
        }
    }
}

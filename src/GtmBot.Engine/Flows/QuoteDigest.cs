using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Flows;

/// <summary>The quotes' part of the weekly digest: how many new quotes since the last one, and their top themes.</summary>
public sealed class QuoteDigest(IQuoteStore store) : IDigestContributor
{
    /// <summary>Themes named in the digest.</summary>
    public const int MaxThemes = 3;

    public int Order => 30;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quotes = (await store.ListAsync(channel, since, QuoteFlow.MaxScanned, cancellationToken)).Where(q => q.CapturedAt <= now).ToList();
        if (quotes.Count == 0)
        {
            return null;
        }

        var insights = QuoteInsights.Compute(quotes, QuoteFlow.DefaultCommonThreshold, MaxThemes);
        var lines = new List<string> { QuoteStrings.DigestLine.Format(lang, insights.Quotes, insights.Customers) };
        lines.AddRange(insights.Themes.Select(t => (t.Theme.Unattributed > 0 ? QuoteStrings.DigestThemeUnattributed : QuoteStrings.DigestTheme)
            .Format(lang, Markup.Escape(t.Theme.Label), t.Theme.DistinctCustomers, t.Theme.Mentions, t.Theme.Unattributed)));
        return new DigestSection(QuoteStrings.DigestTitle.Get(lang), lines, [new Button(QuoteStrings.DigestButton.Get(lang), QuoteActions.Insights)]);
    }
}

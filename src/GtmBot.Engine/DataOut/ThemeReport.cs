using System.Globalization;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.DataOut;

/// <summary>
/// A channel's themes in the API's shape: <see cref="QuoteInsights.Compute"/> over the same quotes, common-theme threshold
/// and MoSCoW calls as <c>/gtm insights</c>, so the API, the exports and the webhooks count exactly what the channel sees.
/// </summary>
public sealed class ThemeReport(IQuoteStore quotes, ISettingsStore settings)
{
    /// <summary>The channel's themes as <c>/gtm insights</c> ranks them.</summary>
    public async Task<ThemesDto> ComputeAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var all = await quotes.ListAsync(channel, null, QuoteFlow.MaxScanned, cancellationToken);
        var threshold = await QuoteFlow.ThresholdAsync(settings, channel, cancellationToken);
        var priorities = (await quotes.GetThemePrioritiesAsync(channel, cancellationToken)).ToDictionary(p => p.ThemeKey, StringComparer.Ordinal);
        var insights = QuoteInsights.Compute(all, threshold, QuoteFlow.MaxThemesShown);
        var byId = all.ToDictionary(q => q.Id.ToString(CultureInfo.InvariantCulture));
        var themes = insights.Themes.Select(t => new ThemeDto(
            t.Theme.Key,
            t.Theme.Label,
            t.Theme.Keywords,
            t.Theme.Customers,
            t.Theme.DistinctCustomers,
            t.Theme.ItemIds.Count(id => byId[id].Customer is null),
            t.Theme.Mentions,
            t.Common,
            MotiveNames.Name(t.Motive),
            priorities.TryGetValue(t.Theme.Key, out var p) ? p.Priority.ToString().ToLowerInvariant() : null,
            [.. t.Theme.ItemIds.Select(id => byId[id].Id)])).ToList();
        return new ThemesDto(channel.Channel, threshold, insights.Quotes, themes);
    }
}

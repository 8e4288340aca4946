using System.Globalization;
using GtmBot.Engine.Customers;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Charts;

/// <summary>
/// <c>/gtm insights chart [segment]</c>: distinct customers per theme stacked by segment (or of one segment), and
/// <c>/gtm insights chart needs</c>: needs by status over time (<see cref="NeedsChart"/>), drawn as PNG and delivered like an export —
/// stored, then one outbox row on <see cref="OutboxRoutes.Export"/>: Slack gets it through its upload flow, Teams and the
/// local page as an image from a signed, expiring link the bot serves. Durable before the command is answered.
/// </summary>
public sealed class InsightsChart(IExportStore exports, IOutbox outbox)
{
    /// <summary>Content type of the stored chart.</summary>
    public const string ContentType = "image/png";

    /// <summary>The chart of <paramref name="insights"/>' themes by the segments of their customers; null when no theme has a customer.</summary>
    /// <param name="insights">The themes to draw.</param>
    /// <param name="segments">The workspace's segments.</param>
    /// <param name="lang">The reader's language.</param>
    /// <param name="only">When set, only this segment's customers are counted (the insights should then be of its quotes alone).</param>
    public static StackedBarChart? Build(QuoteInsights insights, CustomerSegments segments, Lang lang, Segment? only = null)
    {
        var themes = insights.Themes.Where(t => t.Theme.DistinctCustomers > 0).ToList();
        if (themes.Count == 0)
        {
            return null;
        }

        var counts = themes.Select(t => segments.Count(t).ToDictionary(c => c.Segment.Key, c => c.Customers, StringComparer.Ordinal)).ToList();
        var series = segments.All
            .Where(s => only is null || s.Key == only.Key)
            .Select(s => new ChartSeries(s.Label ?? CustomerStrings.NoSegment.Get(lang), [.. counts.Select(c => (double)c.GetValueOrDefault(s.Key))]))
            .Where(s => s.Values.Any(v => v > 0))
            .ToList();
        var title = only is null ? CustomerStrings.ChartTitle.Get(lang) : CustomerStrings.ChartTitleSegment.Format(lang, only.Label);
        return new StackedBarChart(title, CustomerStrings.ChartAxis.Get(lang), [.. themes.Select(t => t.Theme.Label)], series);
    }

    /// <summary>Paints the themes chart, stores the PNG and queues its delivery to the channel; returns the stored file.</summary>
    public Task<ExportFile> PostAsync(ConversationKey channel, StackedBarChart chart, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostAsync(channel, "insights-chart", chart.Title, ChartPainter.Paint(chart), now, cancellationToken);

    /// <summary>Paints the needs chart, stores the PNG and queues its delivery to the channel; returns the stored file.</summary>
    public Task<ExportFile> PostAsync(ConversationKey channel, StackedColumnChart chart, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostAsync(channel, "needs-chart", chart.Title, ChartPainter.Paint(chart), now, cancellationToken);

    private async Task<ExportFile> PostAsync(ConversationKey channel, string prefix, string title, byte[] png, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{now:yyyyMMdd-HHmmss}.png");
        var file = await exports.AddFileAsync(channel, name, ContentType, png, title, now, cancellationToken);
        var id = file.Id.ToString(CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(new OutboundMessage(OutboxRoutes.ForExport(channel), new Reply([], id), "chart:" + id), cancellationToken);
        return file;
    }
}

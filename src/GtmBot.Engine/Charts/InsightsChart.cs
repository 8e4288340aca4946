using System.Globalization;
using GtmBot.Engine.Customers;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Charts;

/// <summary>
/// <c>/gtm insights chart</c>: distinct customers per theme stacked by segment, drawn as PNG and delivered like an export —
/// stored, then one outbox row on <see cref="OutboxRoutes.Export"/>: Slack gets it through its upload flow, Teams and the
/// local page as an image from a signed, expiring link the bot serves. Durable before the command is answered.
/// </summary>
public sealed class InsightsChart(IExportStore exports, IOutbox outbox)
{
    /// <summary>Content type of the stored chart.</summary>
    public const string ContentType = "image/png";

    /// <summary>The chart of <paramref name="insights"/>' themes by the segments of their customers; null when no theme has a customer.</summary>
    public static StackedBarChart? Build(QuoteInsights insights, CustomerSegments segments, Lang lang)
    {
        var themes = insights.Themes.Where(t => t.Theme.DistinctCustomers > 0).ToList();
        if (themes.Count == 0)
        {
            return null;
        }

        var counts = themes.Select(t => segments.Count(t).ToDictionary(c => c.Segment.Key, c => c.Customers, StringComparer.Ordinal)).ToList();
        var series = segments.All
            .Select(s => new ChartSeries(s.Label ?? CustomerStrings.NoSegment.Get(lang), [.. counts.Select(c => (double)c.GetValueOrDefault(s.Key))]))
            .Where(s => s.Values.Any(v => v > 0))
            .ToList();
        return new StackedBarChart(CustomerStrings.ChartTitle.Get(lang), CustomerStrings.ChartAxis.Get(lang), [.. themes.Select(t => t.Theme.Label)], series);
    }

    /// <summary>Paints the chart, stores the PNG and queues its delivery to the channel; returns the stored file.</summary>
    public async Task<ExportFile> PostAsync(ConversationKey channel, StackedBarChart chart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var png = ChartPainter.Paint(chart);
        var name = string.Create(CultureInfo.InvariantCulture, $"insights-chart-{now:yyyyMMdd-HHmmss}.png");
        var file = await exports.AddFileAsync(channel, name, ContentType, png, chart.Title, now, cancellationToken);
        var id = file.Id.ToString(CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(new OutboundMessage(OutboxRoutes.ForExport(channel), new Reply([], id), "chart:" + id), cancellationToken);
        return file;
    }
}

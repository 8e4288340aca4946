using GtmBot.Engine.Charts;
using GtmBot.Engine.Needs;
using GtmBot.Engine.Strings;
using SkiaSharp;

namespace GtmBot.Tests.Charts;

/// <summary>Needs by status over time: counts per day from the needs' history, and the column chart it paints.</summary>
public sealed class NeedsChartTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Need NeedAt(long id, DateTimeOffset created) =>
        new(id, (int)id, "need " + id, NeedStatus.New, null, null, null, [], 1, null, null, "po", created, created);

    private static NeedStatusChange Moved(Need need, int seq, NeedStatus from, NeedStatus to, DateTimeOffset at) =>
        new(need, new NeedChange(seq, NeedProperties.Status, from.ToString(), to.ToString(), null, "po", at, []));

    [Fact]
    public void Each_day_counts_every_need_made_by_then_in_the_status_it_had_at_the_end_of_that_day()
    {
        var a = NeedAt(1, Day1);
        var b = NeedAt(2, Day1.AddDays(1));
        var c = NeedAt(3, Day1.AddDays(2));
        var changes = new[]
        {
            // Given out of order: the chart orders them itself.
            Moved(a, 3, NeedStatus.UnderReview, NeedStatus.Planned, Day1.AddDays(2)),
            Moved(a, 2, NeedStatus.New, NeedStatus.UnderReview, Day1.AddDays(1)),
            Moved(b, 2, NeedStatus.New, NeedStatus.WontDo, Day1.AddDays(2).AddHours(5)),
        };

        var chart = NeedsChart.Build([a, b, c], changes, DateOnly.FromDateTime(Day1.AddDays(3).UtcDateTime), Lang.En);

        Assert.NotNull(chart);
        Assert.Equal(["03-02", "03-03", "03-04", "03-05"], chart.Categories);
        Assert.Equal("Needs by status over time", chart.Title);
        var byStatus = chart.Series.ToDictionary(s => s.Label, s => s.Values.ToArray());
        Assert.Equal(["New", "Under review", "Planned", "Won't do"], chart.Series.Select(s => s.Label));
        Assert.Equal([1d, 1, 1, 1], byStatus["New"]);
        Assert.Equal([0d, 1, 0, 0], byStatus["Under review"]);
        Assert.Equal([0d, 0, 1, 1], byStatus["Planned"]);
        Assert.Equal([0d, 0, 1, 1], byStatus["Won't do"]);
    }

    [Fact]
    public void A_long_history_is_read_in_steps_that_end_today()
    {
        var old = NeedAt(1, Day1.AddDays(-100));
        var today = DateOnly.FromDateTime(Day1.UtcDateTime);

        var chart = NeedsChart.Build([old], [], today, Lang.Zh);

        Assert.NotNull(chart);
        // 101 days in steps of 4 (the fewest that keep within 30 columns): 26 columns, the first one the day it was made; a span over new year writes the year.
        Assert.Equal(26, chart.Categories.Count);
        Assert.Equal("2025-11-22", chart.Categories[0]);
        Assert.Equal("2026-03-02", chart.Categories[^1]);
        Assert.Equal("各状态的需求数（随时间）", chart.Title);
        Assert.Equal("新建", Assert.Single(chart.Series).Label);
    }

    [Fact]
    public void No_needs_no_chart() => Assert.Null(NeedsChart.Build([], [], DateOnly.FromDateTime(Day1.UtcDateTime), Lang.En));

    [Fact]
    public void Taller_stacks_cover_more_of_their_column()
    {
        var chart = new StackedColumnChart("Needs", "Needs", ["03-02", "03-03"], [new ChartSeries("New", [1, 2]), new ChartSeries("Planned", [0, 3])]);

        var png = ChartPainter.Paint(chart);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((ChartPainter.Width, ChartPainter.ColumnChartHeight), (bitmap.Width, bitmap.Height));
        var columns = Enumerable.Range(0, bitmap.Width).Select(x => Enumerable.Range(0, bitmap.Height).Count(y => IsColoured(bitmap.GetPixel(x, y)))).ToList();
        var bands = Bands(columns);
        Assert.True(bands.Count >= 2, $"expected two columns, found {bands.Count} bands");
        Assert.True(bands[1] > 3 * bands[0], $"second day {bands[1]} vs first {bands[0]}");
    }

    private static bool IsColoured(SKColor c) => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 80;

    /// <summary>The coloured area of each vertical band of pixel columns at least 20 wide, left to right (legend swatches are narrower).</summary>
    private static List<int> Bands(List<int> columns)
    {
        var bands = new List<int>();
        var current = 0;
        var width = 0;
        foreach (var count in columns.Append(0))
        {
            if (count > 0)
            {
                current += count;
                width++;
                continue;
            }

            if (width >= 20)
            {
                bands.Add(current);
            }

            current = 0;
            width = 0;
        }

        return bands;
    }
}

using ScottPlot;
using SkiaSharp;

namespace GtmBot.Engine.Charts;

/// <summary>One named series of a chart: a value per category (a segment's customers per theme).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> Values);

/// <summary>
/// Horizontal bars, one per category, stacked by series. What to draw, not how: a chart source
/// (<see cref="InsightsChart"/>: customers per theme by segment) builds one; <see cref="StackedColumnChart"/> is the other
/// shape (<see cref="NeedsChart"/>: needs by status over time).
/// </summary>
/// <param name="Title">Title over the chart, in the reader's language.</param>
/// <param name="ValueAxis">Label of the value axis.</param>
/// <param name="Categories">Bar labels, top to bottom.</param>
/// <param name="Series">Stacked parts; each has one value per category.</param>
public sealed record StackedBarChart(string Title, string ValueAxis, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

/// <summary>
/// Vertical columns over time, stacked by series (needs by status per day): what to draw for <see cref="ChartPainter.Paint(StackedColumnChart)"/>.
/// </summary>
/// <param name="Title">Title over the chart, in the reader's language.</param>
/// <param name="ValueAxis">Label of the value axis.</param>
/// <param name="Categories">Column labels, left to right (dates).</param>
/// <param name="Series">Stacked parts; each has one value per column.</param>
public sealed record StackedColumnChart(string Title, string ValueAxis, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

/// <summary>Draws charts as PNG with ScottPlot (SkiaSharp underneath), in a font that has Chinese glyphs when the machine has one.</summary>
public static class ChartPainter
{
    /// <summary>Width of a chart in pixels.</summary>
    public const int Width = 900;

    /// <summary>Height of the chart's frame (title, axis, legend) in pixels, before the bars.</summary>
    public const int FrameHeight = 160;

    /// <summary>Height of one bar's row in pixels.</summary>
    public const int RowHeight = 48;

    /// <summary>Longest bar label drawn, in characters (longer ones end with an ellipsis).</summary>
    public const int MaxCategoryLabel = 40;

    /// <summary>Height of a column chart in pixels.</summary>
    public const int ColumnChartHeight = 500;

    /// <summary>Most column labels written under a column chart; the others are left out evenly.</summary>
    public const int MaxColumnLabels = 10;

    /// <summary>Characters a font must have to draw Chinese labels.</summary>
    private const string CjkProbe = "客户主题数";

    private static readonly string[] PreferredCjkFamilies = ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi", "Source Han Sans"];

    private static readonly Lazy<string?> CjkFont = new(FindCjkFont);

    /// <summary>The family of an installed font with Chinese glyphs (e.g. from fonts-noto-cjk or fonts-wqy-microhei), or null: then the default font draws and Chinese shows as boxes.</summary>
    public static string? CjkFontFamily => CjkFont.Value;

    private static readonly TaskCompletionSource<TimeSpan> Warmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int warmUpStarted;

    /// <summary>
    /// Completes with how long the warm-up took once <see cref="Prepare"/> ran it, or faults with why charts cannot be
    /// drawn here (SkiaSharp's native library did not load). Never completes in a host nobody asked for insights.
    /// </summary>
    public static Task<TimeSpan> Warm => Warmed.Task;

    /// <summary>
    /// Loads the drawing library and finds the fonts once, in the background (about 2 s on a busy machine, ~0.1 s per chart
    /// after), when a chart may soon be asked for: an <c>/gtm insights</c> command. Not at start: the library, its fonts and
    /// their code take ~10 MB that a host whose people never ask for a chart does not need. Later calls return the same task.
    /// </summary>
    public static Task<TimeSpan> Prepare()
    {
        if (Interlocked.Exchange(ref warmUpStarted, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    Paint(new StackedBarChart("客户 warm-up", "数", ["主题"], [new ChartSeries("-", [1])]));
                    Warmed.SetResult(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }
                catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
                {
                    Warmed.SetException(e);
                }
            });
        }

        return Warmed.Task;
    }

    /// <summary>The height in pixels of a chart with <paramref name="categories"/> bars.</summary>
    public static int HeightFor(int categories) => FrameHeight + (RowHeight * Math.Max(1, categories));

    /// <summary>The chart as PNG bytes, <see cref="Width"/> × <see cref="HeightFor"/> pixels.</summary>
    public static byte[] Paint(StackedBarChart chart)
    {
        var plot = new Plot();
        var rows = chart.Categories.Count;

        // Top row first: category c sits at position rows - 1 - c.
        AddStacks(plot, chart.Series, rows, c => rows - 1 - c, Orientation.Horizontal);
        var labels = chart.Categories.Select(c => c.Length <= MaxCategoryLabel ? c : string.Concat(c.AsSpan(0, MaxCategoryLabel - 1), "…")).ToArray();
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i))], labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = chart.ValueAxis;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
        plot.Axes.SetLimitsY(-0.6, rows - 0.4);
        return Finish(plot, chart.Title, HeightFor(rows));
    }

    /// <summary>The column chart as PNG bytes, <see cref="Width"/> × <see cref="ColumnChartHeight"/> pixels.</summary>
    public static byte[] Paint(StackedColumnChart chart)
    {
        var plot = new Plot();
        var columns = chart.Categories.Count;
        AddStacks(plot, chart.Series, columns, c => c, Orientation.Vertical);
        var every = (columns + MaxColumnLabels - 1) / MaxColumnLabels;

        // Label the last column (today) and every n-th before it.
        var labelled = Enumerable.Range(0, columns).Where(c => (columns - 1 - c) % Math.Max(1, every) == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. labelled.Select(c => (double)c)], [.. labelled.Select(c => chart.Categories[c])]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = chart.ValueAxis;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0.02, right: 0.02, bottom: 0, top: 0.1);
        plot.Axes.SetLimitsX(-0.6, columns - 0.4);
        return Finish(plot, chart.Title, ColumnChartHeight);
    }

    private static void AddStacks(Plot plot, IReadOnlyList<ChartSeries> stacks, int count, Func<int, double> position, Orientation orientation)
    {
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < stacks.Count; s++)
        {
            var series = stacks[s];
            var color = palette.GetColor(s);
            var bars = new List<Bar>();
            for (var c = 0; c < count; c++)
            {
                var below = stacks.Take(s).Sum(x => x.Values[c]);
                var value = series.Values[c];
                if (value > 0)
                {
                    bars.Add(new Bar { Position = position(c), ValueBase = below, Value = below + value, FillColor = color, Orientation = orientation });
                }
            }

            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series.Label;
        }
    }

    private static byte[] Finish(Plot plot, string title, int height)
    {
        plot.Title(title);
        plot.ShowLegend(Edge.Right);
        if (CjkFontFamily is { } font)
        {
            plot.Font.Set(font);
        }

        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }

    private static string? FindCjkFont()
    {
        // Without fontconfig (the no-dependencies native library) matching by character finds nothing: look at each
        // installed family for the glyphs of a common Chinese word, preferring the families made for Chinese.
        var manager = SKFontManager.Default;
        foreach (var family in manager.FontFamilies.OrderByDescending(f => PreferredCjkFamilies.Any(p => f.Contains(p, StringComparison.OrdinalIgnoreCase))))
        {
            using var typeface = manager.MatchFamily(family);
            if (typeface is not null && typeface.ContainsGlyphs(CjkProbe))
            {
                return typeface.FamilyName;
            }
        }

        return null;
    }
}

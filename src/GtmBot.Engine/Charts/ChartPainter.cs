using ScottPlot;
using SkiaSharp;

namespace GtmBot.Engine.Charts;

/// <summary>One named series of a chart: a value per category (a segment's customers per theme).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> Values);

/// <summary>
/// Horizontal bars, one per category, stacked by series. What to draw, not how: a chart source (today
/// <see cref="InsightsChart"/>: customers per theme by segment) builds one; another source adds its own record and a
/// <c>Paint</c> overload here (e.g. needs by status over time as stacked areas) without touching the first.
/// </summary>
/// <param name="Title">Title over the chart, in the reader's language.</param>
/// <param name="ValueAxis">Label of the value axis.</param>
/// <param name="Categories">Bar labels, top to bottom.</param>
/// <param name="Series">Stacked parts; each has one value per category.</param>
public sealed record StackedBarChart(string Title, string ValueAxis, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

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

    /// <summary>Characters a font must have to draw Chinese labels.</summary>
    private const string CjkProbe = "客户主题数";

    private static readonly string[] PreferredCjkFamilies = ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi", "Source Han Sans"];

    private static readonly Lazy<string?> CjkFont = new(FindCjkFont);

    /// <summary>The family of an installed font with Chinese glyphs (e.g. from fonts-noto-cjk or fonts-wqy-microhei), or null: then the default font draws and Chinese shows as boxes.</summary>
    public static string? CjkFontFamily => CjkFont.Value;

    /// <summary>
    /// Loads the drawing library and finds the fonts once (about 2 s on a busy machine, ~0.1 s per chart after), so the
    /// first <c>/gtm insights chart</c> still answers within Slack's 3 s.
    /// </summary>
    public static void WarmUp() => Paint(new StackedBarChart("客户 warm-up", "数", ["主题"], [new ChartSeries("-", [1])]));

    /// <summary>The height in pixels of a chart with <paramref name="categories"/> bars.</summary>
    public static int HeightFor(int categories) => FrameHeight + (RowHeight * Math.Max(1, categories));

    /// <summary>The chart as PNG bytes, <see cref="Width"/> × <see cref="HeightFor"/> pixels.</summary>
    public static byte[] Paint(StackedBarChart chart)
    {
        var plot = new Plot();
        var rows = chart.Categories.Count;
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = palette.GetColor(s);
            var bars = new List<Bar>();
            for (var c = 0; c < rows; c++)
            {
                var below = chart.Series.Take(s).Sum(x => x.Values[c]);
                var value = series.Values[c];
                if (value > 0)
                {
                    // Top row first: category c sits at position rows - 1 - c.
                    bars.Add(new Bar { Position = rows - 1 - c, ValueBase = below, Value = below + value, FillColor = color, Orientation = Orientation.Horizontal });
                }
            }

            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series.Label;
        }

        var labels = chart.Categories.Select(c => c.Length <= MaxCategoryLabel ? c : string.Concat(c.AsSpan(0, MaxCategoryLabel - 1), "…")).ToArray();
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i))], labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = chart.ValueAxis;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title(chart.Title);
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
        plot.Axes.SetLimitsY(-0.6, rows - 0.4);
        plot.ShowLegend(Edge.Right);
        if (CjkFontFamily is { } font)
        {
            plot.Font.Set(font);
        }

        return plot.GetImageBytes(Width, HeightFor(rows), ImageFormat.Png);
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

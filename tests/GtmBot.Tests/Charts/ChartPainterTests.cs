using GtmBot.Engine.Charts;
using SkiaSharp;

namespace GtmBot.Tests.Charts;

/// <summary>The chart PNG: a real PNG of the promised size, bars where the counts say, Chinese labels in a Chinese font.</summary>
public sealed class ChartPainterTests
{
    private static readonly StackedBarChart Chart = new(
        "各主题的不同客户数（按细分）",
        "不同客户数",
        ["备份 / backup", "登录 / SSO", "API"],
        [new ChartSeries("enterprise", [4, 1, 0]), new ChartSeries("SMB", [1, 0, 2])]);

    [Fact]
    public void The_chart_is_a_png_of_the_promised_size()
    {
        var png = ChartPainter.Paint(Chart);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((ChartPainter.Width, ChartPainter.HeightFor(3)), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Longer_bars_cover_more_of_their_row()
    {
        // Row 1 (backup) stacks 5 customers, row 2 (SSO) 1: the first row has several times the coloured pixels of the second.
        using var bitmap = SKBitmap.Decode(ChartPainter.Paint(Chart));
        var rows = Enumerable.Range(0, bitmap.Height).Select(y => Enumerable.Range(0, bitmap.Width).Count(x => IsColoured(bitmap.GetPixel(x, y)))).ToList();
        var bands = Bands(rows);
        Assert.True(bands.Count >= 3, $"expected three bars, found {bands.Count} bands");
        Assert.True(bands[0] > 3 * bands[1], $"backup {bands[0]} vs SSO {bands[1]}");
        Assert.True(bands[2] > bands[1], $"API {bands[2]} vs SSO {bands[1]}");
    }

    [Fact]
    public async Task The_warm_up_runs_once_and_reports_when_it_is_done()
    {
        var first = ChartPainter.Prepare();
        var second = ChartPainter.Prepare();

        Assert.Same(first, second);
        Assert.Same(first, ChartPainter.Warm);
        var took = await first.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.True(took > TimeSpan.Zero);
    }

    [Fact]
    public void Chinese_labels_have_a_chinese_font_where_one_is_installed()
    {
        if (ChartPainter.CjkFontFamily is null)
        {
            Assert.False(SharedFolder.InCi, "CI installs a Chinese font (.ci/run: fonts-wqy-microhei); none was found.");
            Assert.Skip("No font with Chinese glyphs here (fc-list :lang=zh is empty): install fonts-wqy-microhei or fonts-noto-cjk.");
        }

        using var typeface = SKTypeface.FromFamilyName(ChartPainter.CjkFontFamily);
        Assert.True(typeface.ContainsGlyphs("各主题的不同客户数"));
    }

    /// <summary>Saturated pixels (the bars and the legend swatches), not the greys of text and grid.</summary>
    private static bool IsColoured(SKColor c) => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 80;

    /// <summary>The coloured area of each horizontal band of rows that has bar pixels, top to bottom (legend swatches are far smaller).</summary>
    private static List<int> Bands(List<int> rows)
    {
        var bands = new List<int>();
        var current = 0;
        var height = 0;
        foreach (var count in rows.Append(0))
        {
            if (count > 0)
            {
                current += count;
                height++;
                continue;
            }

            if (height >= 20)
            {
                bands.Add(current);
            }

            current = 0;
            height = 0;
        }

        return bands;
    }
}

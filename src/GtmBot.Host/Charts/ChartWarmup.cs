using GtmBot.Engine.Charts;

namespace GtmBot.Host.Charts;

/// <summary>
/// Logs whether charts can be drawn once the first <c>/gtm insights</c> command has warmed them up
/// (<see cref="ChartPainter.Prepare"/>): the font Chinese labels use, or that SkiaSharp's native library did not load.
/// </summary>
internal sealed class ChartWarmup(ILogger<ChartWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var took = await ChartPainter.Warm.WaitAsync(stoppingToken);
            Log.ChartsReady(logger, ChartPainter.CjkFontFamily ?? "none (Chinese shows as boxes; install fonts-noto-cjk)", (long)took.TotalMilliseconds);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            // The bot runs on without charts; the chart command then fails on its own and says so in the log.
            Log.ChartsUnavailable(logger, e);
        }
    }
}

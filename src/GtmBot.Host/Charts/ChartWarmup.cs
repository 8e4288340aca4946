using System.Diagnostics;
using GtmBot.Engine.Charts;

namespace GtmBot.Host.Charts;

/// <summary>Draws one small chart in the background at start, so the first chart a person asks for is quick (see <see cref="ChartPainter.WarmUp"/>).</summary>
internal sealed class ChartWarmup(ILogger<ChartWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                ChartPainter.WarmUp();
                Log.ChartsReady(logger, ChartPainter.CjkFontFamily ?? "none (Chinese shows as boxes; install fonts-noto-cjk)", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
            {
                // The bot runs on without charts; the chart command then fails on its own and says so in the log.
                Log.ChartsUnavailable(logger, e);
            }
        },
        stoppingToken);
}

using GtmBot.Engine.Insights;

namespace GtmBot.Host.Insights;

/// <summary>
/// Rebuilds the insights snapshot of each channel that changed (<see cref="InsightsRefreshQueue"/>), one channel at a time,
/// so that <c>/gtm insights</c> reads a stored result. A failed rebuild is logged and asked for again after <see cref="RetryAfter"/>.
/// After each rebuild it rests <see cref="RestPerBusy"/> times as long as the rebuild took: regrouping a channel is CPU-bound
/// (the theme engine's clustering), and under a stream of captures across many channels an eager worker took ~40 % of the
/// host's CPU samples away from the captures themselves (bench/README.md, "Profile of a capture").
/// </summary>
public sealed class InsightsRefresher(InsightsRefreshQueue queue, ChannelInsights insights, TimeProvider clock, ILogger<InsightsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Rest after a rebuild, per unit of time the rebuild took: the worker is busy at most a fifth of the time.</summary>
    public const int RestPerBusy = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var channel = await queue.NextAsync(stoppingToken);
            var started = clock.GetTimestamp();
            try
            {
                await insights.RefreshAsync(channel, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.InsightsRefreshFailed(logger, e, channel.ToString(), RetryAfter.TotalSeconds);
                queue.Request(channel, RetryAfter);
            }

            queue.RestFor(clock.GetElapsedTime(started) * RestPerBusy);
        }
    }
}

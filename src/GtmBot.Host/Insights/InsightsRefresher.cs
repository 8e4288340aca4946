using GtmBot.Engine.Insights;

namespace GtmBot.Host.Insights;

/// <summary>
/// Rebuilds the insights snapshot of each channel that changed (<see cref="InsightsRefreshQueue"/>), one channel at a time,
/// so that <c>/gtm insights</c> reads a stored result. A failed rebuild is logged and asked for again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class InsightsRefresher(InsightsRefreshQueue queue, ChannelInsights insights, ILogger<InsightsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var channel = await queue.NextAsync(stoppingToken);
            try
            {
                await insights.RefreshAsync(channel, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.InsightsRefreshFailed(logger, e, channel.ToString(), RetryAfter.TotalSeconds);
                queue.Request(channel, RetryAfter);
            }
        }
    }
}

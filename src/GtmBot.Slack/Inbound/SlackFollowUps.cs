using System.Threading.Channels;
using GtmBot.Slack.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// Work that follows an acknowledged request and is not a reply: reading back a reacted message to capture it, after the
/// ack so Slack gets its answer within 3 s. It is in memory (a crash between the ack and the capture loses it); replies
/// themselves go through the durable outbox.
/// </summary>
internal sealed class SlackFollowUps(ILogger<SlackFollowUps> logger) : BackgroundService
{
    /// <summary>Follow-ups waiting at most; beyond it the request path runs the work itself rather than lose it.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateBounded<Func<CancellationToken, Task>>(Capacity);
    private int _pending;

    /// <summary>Follow-ups queued or running (tests wait for zero).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public async Task EnqueueAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        Interlocked.Increment(ref _pending);
        await _queue.Writer.WriteAsync(work, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await work(stoppingToken);
            }
            catch (SlackApiException e)
            {
                Log.FollowUpFailed(logger, e.Method, e.Error);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.TurnFailed(logger, e);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }
}

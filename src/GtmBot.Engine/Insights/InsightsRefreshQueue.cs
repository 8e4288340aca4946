namespace GtmBot.Engine.Insights;

/// <summary>How channel insights are kept up to date.</summary>
/// <param name="Debounce">A channel is regrouped at most this long after the first change of a burst (one regrouping for the burst).</param>
/// <param name="InlineUpTo">A channel with at most this many quotes is regrouped on the spot when its snapshot is behind (cheap);
/// a larger one answers from its snapshot, says how far behind it is, and is regrouped in the background.</param>
public sealed record InsightsRefreshOptions(TimeSpan Debounce, int InlineUpTo)
{
    public static InsightsRefreshOptions Default { get; } = new(TimeSpan.FromSeconds(2), 500);
}

/// <summary>
/// Channels whose insights snapshot is to be rebuilt, each due once: a burst of captures in one channel asks many times and is
/// regrouped once, at the earliest time asked. The background worker takes them in due order.
/// </summary>
public sealed class InsightsRefreshQueue(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ConversationKey, DateTimeOffset> _due = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _restUntil = DateTimeOffset.MinValue;

    /// <summary>Channels waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>Asks for <paramref name="channel"/> to be regrouped after <paramref name="delay"/> (or earlier, if asked earlier already).</summary>
    public void Request(ConversationKey channel, TimeSpan delay)
    {
        var at = clock.GetUtcNow() + delay;
        lock (_gate)
        {
            if (!_due.TryGetValue(channel, out var due) || at < due)
            {
                _due[channel] = at;
            }

            _wake.TrySetResult();
        }
    }

    /// <summary>
    /// No channel is handed out before <paramref name="rest"/> has passed (the worker rests after a rebuild in proportion to
    /// what it took, so regrouping never takes more than a bounded share of the CPU that captures need).
    /// </summary>
    public void RestFor(TimeSpan rest)
    {
        lock (_gate)
        {
            _restUntil = clock.GetUtcNow() + rest;
        }
    }

    /// <summary>The next channel that is due, waiting for one.</summary>
    public async Task<ConversationKey> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wake;
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                wait = Timeout.InfiniteTimeSpan;
                if (_due.Count > 0)
                {
                    var first = _due.MinBy(p => p.Value);
                    var at = first.Value > _restUntil ? first.Value : _restUntil;
                    if (at <= now)
                    {
                        _due.Remove(first.Key);
                        return first.Key;
                    }

                    wait = at - now;
                }

                if (_wake.Task.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wake = _wake.Task;
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait, clock, timer.Token);
            await Task.WhenAny(wake, delay).WaitAsync(cancellationToken);
            await timer.CancelAsync();
        }
    }
}

namespace GtmBot.Engine.Ports;

/// <summary>
/// The store has more writes waiting than it accepts (<paramref name="maxPending"/>); nothing of this request was stored.
/// Edges answer 503 with <c>Retry-After</c> so the platform sends it again.
/// </summary>
public sealed class StorageBusyException(int maxPending, TimeSpan retryAfter)
    : RetryLaterException(FormattableString.Invariant($"The store is busy: {maxPending} writes are already waiting (the limit). Retry after {retryAfter.TotalSeconds:0} s."), retryAfter)
{
    /// <summary>Writes that may wait at once.</summary>
    public int MaxPending { get; } = maxPending;
}

namespace GtmBot.Engine.Ports;

/// <summary>
/// Our side cannot serve this request just now and nothing of it was kept (the store's write queue is full, the platform's
/// signing keys cannot be fetched): the host answers 503 with <c>Retry-After</c>, so the platform sends it again.
/// </summary>
public abstract class RetryLaterException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the platform should wait before retrying.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}

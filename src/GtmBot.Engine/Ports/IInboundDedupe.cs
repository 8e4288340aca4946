namespace GtmBot.Engine.Ports;

/// <summary>
/// Remembers inbound events so a platform's retry is handled once. An event counts as done only when it was handled: a
/// first attempt that fails gives the id back, so the platform's retry is handled instead of answered with nothing done.
/// </summary>
public interface IInboundDedupe
{
    /// <summary>Claims the event for handling: false when it was handled already, or another attempt is handling it now.</summary>
    Task<bool> TryBeginAsync(InboundEventKey key, CancellationToken cancellationToken);

    /// <summary>The event was handled: later deliveries of it are duplicates.</summary>
    Task CompleteAsync(InboundEventKey key, CancellationToken cancellationToken);

    /// <summary>Handling failed: the next delivery of the event is handled again.</summary>
    Task AbandonAsync(InboundEventKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Offers to record the event as done in the same transaction as the handler's next durable write (a captured quote and
    /// its event's "done" mark commit together, one commit instead of two). Call it from the handler's flow, just before the
    /// handler. The result says whether that happened; when it did not, <see cref="CompleteAsync"/> is still needed.
    /// </summary>
    Func<bool> CompleteWithNextWrite(InboundEventKey key) => static () => false;
}

/// <summary>One inbound event: its id is unique only within a platform, workspace and conversation.</summary>
public sealed record InboundEventKey(string Platform, string Workspace, string Conversation, string EventId);

/// <summary>Runs a handler once per inbound event.</summary>
public static class InboundDedupeExtensions
{
    /// <summary>
    /// Runs <paramref name="handle"/> unless the event was handled (then <paramref name="duplicate"/>); records it as done
    /// only after the handler returned, and gives it back when the handler throws.
    /// </summary>
    public static async Task<T> HandleOnceAsync<T>(this IInboundDedupe dedupe, InboundEventKey key, Func<Task<T>> handle, Func<T> duplicate, CancellationToken cancellationToken)
    {
        if (!await dedupe.TryBeginAsync(key, cancellationToken))
        {
            return duplicate();
        }

        var completed = dedupe.CompleteWithNextWrite(key);
        T result;
        try
        {
            result = await handle();
        }
        catch
        {
            // A mark already committed with the handler's write stays: what the handler stored is not stored twice.
            if (!completed())
            {
                await dedupe.AbandonAsync(key, CancellationToken.None);
            }

            throw;
        }

        if (!completed())
        {
            await dedupe.CompleteAsync(key, CancellationToken.None);
        }

        return result;
    }
}

namespace GtmBot.Engine.Ports;

/// <summary>Sends a reply to a platform outside of a request (outbox delivery). One per platform, implemented by its edge.</summary>
public interface IPlatformMessenger
{
    /// <summary>The platform name, as in <see cref="ConversationKey.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>Posts the reply, or updates <paramref name="existingMessageId"/> in place when given. Returns the platform's message id.</summary>
    /// <exception cref="DeliveryException">The platform refused or failed; says whether and when to retry.</exception>
    Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken);
}

/// <summary>A failed delivery: <see cref="Permanent"/> ones go to the dead letter; others are retried, not before <see cref="RetryAfter"/>.</summary>
public sealed class DeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The existing message to update is gone: post a new one instead.</summary>
    public bool MessageGone { get; init; }

    /// <summary>The bot can no longer post to this conversation (removed, archived, uninstalled).</summary>
    public bool ConversationGone { get; init; }
}

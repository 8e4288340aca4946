namespace GtmBot.Engine.Ports;

/// <summary>Sends a reply to a platform outside of a request (outbox delivery). One per platform, implemented by its edge.</summary>
public interface IPlatformMessenger
{
    /// <summary>The platform name, as in <see cref="ConversationKey.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>
    /// The least time between two messages the bot posts to one conversation of this platform (the platform's own rate
    /// limit). The outbox holds it across instances; the default is no pace.
    /// </summary>
    TimeSpan Pacing => TimeSpan.Zero;

    /// <summary>Posts the reply, or updates <paramref name="existingMessageId"/> in place when given. Returns the platform's message id.</summary>
    /// <exception cref="DeliveryException">The platform refused or failed; says whether and when to retry.</exception>
    Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers one outbox row. A messenger that can tag its posts with <see cref="OutboxDelivery.OutboxId"/> looks for an
    /// earlier copy before posting when <see cref="OutboxDelivery.MayHaveBeenSent"/>; the default simply delivers.
    /// </summary>
    Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, OutboxDelivery delivery, CancellationToken cancellationToken) =>
        DeliverAsync(conversation, reply, existingMessageId, cancellationToken);

    /// <summary>
    /// Shows that the bot is working for this conversation while slow background work runs (Teams: the typing indicator).
    /// The default shows nothing. Failures throw; callers treat the indicator as optional.
    /// </summary>
    Task ShowWorkingAsync(ConversationKey conversation, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Which outbox row a delivery is for.</summary>
/// <param name="OutboxId">The row's id: carried in the platform message where the platform allows it, to find it again.</param>
/// <param name="CreatedAt">When the row was written: no earlier copy can be older.</param>
/// <param name="MayHaveBeenSent">An earlier attempt may have reached the platform (its answer was lost, or its instance died).</param>
public sealed record OutboxDelivery(long OutboxId, DateTimeOffset CreatedAt, bool MayHaveBeenSent);

/// <summary>A failed delivery: <see cref="Permanent"/> ones go to the dead letter; others are retried, not before <see cref="RetryAfter"/>.</summary>
public sealed class DeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The existing message to update is gone: post a new one instead.</summary>
    public bool MessageGone { get; init; }

    /// <summary>The bot can no longer post to this conversation (removed, archived, uninstalled).</summary>
    public bool ConversationGone { get; init; }

    /// <summary>The request was sent and its answer lost: the platform may have carried it out. The next attempt reconciles first.</summary>
    public bool Ambiguous { get; init; }
}

namespace GtmBot.Engine.Ports;

/// <summary>What the outbox holds: how much waits, what was given up on. Read by <c>/gtm admin deliveries</c> and the health endpoint.</summary>
public interface IDeliveryStatus
{
    /// <summary>Pending and dead-lettered rows, of one workspace or (null) of all.</summary>
    Task<OutboxCounts> CountAsync(string? workspaceKey, CancellationToken cancellationToken);

    /// <summary>The newest dead letters of a workspace, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string workspaceKey, int max, CancellationToken cancellationToken);

    /// <summary>What became of the message enqueued with <paramref name="idempotencyKey"/> in <paramref name="conversation"/>, or null when there is none.</summary>
    Task<MessageDelivery?> StateAsync(ConversationKey conversation, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>Where one outbox message stands.</summary>
public enum DeliveryState
{
    Pending,
    Delivered,
    Dead,
}

/// <summary>One outbox message's state, with the platform's last answer when it failed.</summary>
public sealed record MessageDelivery(DeliveryState State, int Attempts, string? LastError);

/// <summary>Outbox rows waiting for delivery (<paramref name="Pending"/>) and given up on (<paramref name="Dead"/>).</summary>
public sealed record OutboxCounts(int Pending, int Dead);

/// <summary>A message the outbox gave up on, with the platform's last answer.</summary>
public sealed record DeadLetter(long Id, string Channel, DateTimeOffset CreatedAt, int Attempts, string? LastError);

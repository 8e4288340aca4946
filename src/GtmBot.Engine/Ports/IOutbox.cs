namespace GtmBot.Engine.Ports;

/// <summary>A message to deliver later, durably: artefact updates, reminders, summaries, cross-channel posts.</summary>
/// <param name="Conversation">Where it goes.</param>
/// <param name="Reply">What it says. <see cref="ReplyPlacement.Artefact"/> replies update the channel's living message.</param>
/// <param name="IdempotencyKey">Messages with the same key in the same conversation are delivered once.</param>
public sealed record OutboundMessage(ConversationKey Conversation, Reply Reply, string? IdempotencyKey = null);

/// <summary>The durable outbox: a message is stored when this returns, and delivered by a background dispatcher.</summary>
public interface IOutbox
{
    Task EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken);
}

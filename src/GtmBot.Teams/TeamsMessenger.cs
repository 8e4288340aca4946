using System.Net;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Connector;
using GtmBot.Teams.Protocol;

namespace GtmBot.Teams;

/// <summary>
/// Delivers outbox messages to Teams through the stored conversation reference. An artefact is posted once (as a new
/// thread in a channel) and updated in place afterwards, so the channel always shows one current card per artefact.
/// </summary>
/// <remarks>
/// What is sure and what is not, on Teams. The connector answered with an error (429, 5xx) or the connection was refused:
/// not delivered, retried by the outbox. A 2xx without an activity id: delivered (it is never posted again; an artefact
/// without an id is posted anew on its next update). The request went out and the answer was lost (reset, timeout, or an
/// instance that died mid-call): Teams offers a bot no way to look up what it posted in a conversation and no idempotency
/// key, so such a post is not re-sent — at most once — and goes to the dead letter, which posts an alert in the channel.
/// Updates in place are idempotent and are simply retried.
/// </remarks>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages"/>
internal sealed class TeamsMessenger(IConversationReferenceStore references, ConnectorClient connector) : IPlatformMessenger
{
    /// <summary>How long to wait after a 429 without Retry-After.</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(10);

    /// <summary>The message id kept for a post the connector accepted without naming it.</summary>
    public const string AcceptedWithoutId = "accepted-without-id";

    public string Platform => Platforms.Teams;

    public Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.MayHaveBeenSent && existingMessageId is null)
        {
            throw new DeliveryException("An earlier attempt may have posted this message and Teams cannot be asked; not re-sent (at most once).", permanent: true) { Ambiguous = true };
        }

        return DeliverAsync(conversation, reply, existingMessageId, cancellationToken);
    }

    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        var json = await references.GetAsync(conversation.ChannelOnly, cancellationToken)
            ?? throw new DeliveryException($"No Teams conversation reference for {conversation}", permanent: true) { ConversationGone = true };
        var reference = JsonSerializer.Deserialize(json, TeamsJson.Default.TeamsConversationReference)
            ?? throw new DeliveryException($"Unreadable Teams conversation reference for {conversation}", permanent: true) { ConversationGone = true };

        var cards = AdaptiveCardRenderer.Render(reply);
        var activity = new OutboundActivity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
            Summary = reply.Text,
            // One message per delivery: a card split for size travels as several attachments of the same message.
            Attachments = [.. cards.Select(AdaptiveCardRenderer.Attach)],
        };

        try
        {
            if (existingMessageId is not null)
            {
                var threadId = conversation.Thread ?? (reference.IsChannel ? existingMessageId : null);
                var conversationId = ActivityMapper.ConversationId(conversation with { Thread = threadId });
                await connector.UpdateAsync(reference.ServiceUrl, conversationId, existingMessageId, activity with { Conversation = new ConversationAccount { Id = conversationId } }, cancellationToken);
                return existingMessageId;
            }

            if (reference.IsChannel && conversation.Thread is null)
            {
                var created = await connector.CreateConversationAsync(reference.ServiceUrl, new ConversationParameters
                {
                    IsGroup = true,
                    ChannelData = new TeamsChannelData { Channel = new IdRef { Id = conversation.Channel }, Tenant = new IdRef { Id = reference.TenantId } },
                    Activity = activity,
                    TenantId = reference.TenantId,
                }, cancellationToken);
                return created.ActivityId
                    ?? (created.Id is not null ? ActivityMapper.SplitConversationId(created.Id).Thread : null)
                    ?? AcceptedWithoutId;
            }

            var target = ActivityMapper.ConversationId(conversation);
            var id = await connector.SendAsync(reference.ServiceUrl, target, activity with { Conversation = new ConversationAccount { Id = target } }, cancellationToken);
            return id ?? AcceptedWithoutId;
        }
        catch (ConnectorException ex)
        {
            throw Map(ex, updating: existingMessageId is not null);
        }
    }

    /// <summary>Connector status → what the outbox should do.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis"/>
    internal static DeliveryException Map(ConnectorException ex, bool updating) => ex.Status switch
    {
        null when ex.Ambiguous && !updating => new DeliveryException(ex.Message + " (may have been delivered; not re-sent)", permanent: true, inner: ex) { Ambiguous = true },
        HttpStatusCode.TooManyRequests => new DeliveryException(ex.Message, permanent: false, ex.RetryAfter ?? DefaultThrottleWait, ex),
        HttpStatusCode.NotFound when updating => new DeliveryException(ex.Message, permanent: false, inner: ex) { MessageGone = true },
        HttpStatusCode.NotFound or HttpStatusCode.Forbidden => new DeliveryException(ex.Message, permanent: true, inner: ex) { ConversationGone = true },
        HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => new DeliveryException(ex.Message, permanent: true, inner: ex),
        _ => new DeliveryException(ex.Message, permanent: false, ex.RetryAfter, ex),
    };
}

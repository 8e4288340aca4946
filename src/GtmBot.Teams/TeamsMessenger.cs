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
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages"/>
internal sealed class TeamsMessenger(IConversationReferenceStore references, ConnectorClient connector) : IPlatformMessenger
{
    /// <summary>How long to wait after a 429 without Retry-After.</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(10);

    public string Platform => Platforms.Teams;

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
                    ?? throw new DeliveryException("Create conversation returned no activity id", permanent: false);
            }

            var target = ActivityMapper.ConversationId(conversation);
            var id = await connector.SendAsync(reference.ServiceUrl, target, activity with { Conversation = new ConversationAccount { Id = target } }, cancellationToken);
            return id ?? throw new DeliveryException("Send returned no activity id", permanent: false);
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
        HttpStatusCode.TooManyRequests => new DeliveryException(ex.Message, permanent: false, ex.RetryAfter ?? DefaultThrottleWait, ex),
        HttpStatusCode.NotFound when updating => new DeliveryException(ex.Message, permanent: false, inner: ex) { MessageGone = true },
        HttpStatusCode.NotFound or HttpStatusCode.Forbidden => new DeliveryException(ex.Message, permanent: true, inner: ex) { ConversationGone = true },
        HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => new DeliveryException(ex.Message, permanent: true, inner: ex),
        _ => new DeliveryException(ex.Message, permanent: false, ex.RetryAfter, ex),
    };
}

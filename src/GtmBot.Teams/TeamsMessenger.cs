using System.Net;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Connector;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

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
/// A direct message (<see cref="ConversationKey.IsDirect"/>) goes into the bot's 1:1 chat with the person, created through
/// the connector when it is not known yet (the same chat every time, so creating it again is harmless).
/// </remarks>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages"/>
internal sealed class TeamsMessenger(IConversationReferenceStore references, ConnectorClient connector, TeamsPeople people, ILogger<TeamsMessenger> logger) : IPlatformMessenger
{
    /// <summary>How long to wait after a 429 without Retry-After.</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(10);

    /// <summary>The message id kept for a post the connector accepted without naming it.</summary>
    public const string AcceptedWithoutId = "accepted-without-id";

    public string Platform => Platforms.Teams;

    /// <summary>Per bot per conversation at most 7 per second but also 60 per 30 seconds: one every 500 ms keeps the sustained 2 per second.</summary>
    /// <see href="https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit#per-bot-per-thread-limit"/>
    public TimeSpan Pacing => TimeSpan.FromMilliseconds(500);

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
        if (conversation.IsDirect)
        {
            return await DeliverDirectAsync(conversation, reply, cancellationToken);
        }

        var json = await references.GetAsync(conversation.ChannelOnly, cancellationToken)
            ?? throw new DeliveryException($"No Teams conversation reference for {conversation}", permanent: true) { ConversationGone = true };
        var reference = JsonSerializer.Deserialize(json, TeamsJson.Default.TeamsConversationReference)
            ?? throw new DeliveryException($"Unreadable Teams conversation reference for {conversation}", permanent: true) { ConversationGone = true };

        var cards = AdaptiveCardRenderer.Render(reply, people.NameOf);
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

    /// <summary>The typing indicator in the conversation (or its thread); Teams shows it until the bot's next message or for a few seconds.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-and-receive-messages#send-typing-indicator"/>
    public async Task ShowWorkingAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        if (conversation.IsDirect || Read(await references.GetAsync(conversation.ChannelOnly, cancellationToken)) is not { } reference)
        {
            return;
        }

        var target = ActivityMapper.ConversationId(conversation);
        var typing = new OutboundActivity
        {
            Type = ActivityTypes.Typing,
            From = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
            Conversation = new ConversationAccount { Id = target },
        };
        await connector.SendTypingAsync(reference.ServiceUrl, target, typing, cancellationToken);
    }

    /// <summary>
    /// A direct message: the person's stored reference gives their Teams user id and, once known, the 1:1 chat; without one
    /// (they never wrote to the bot) any conversation of the tenant gives the service URL and the bot, and the id is used as
    /// given (the connector takes an Entra object id where the app is installed for the person). 403 or 404 for the person:
    /// permanent, with the connector's answer.
    /// </summary>
    /// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#create-conversation"/>
    private async Task<string> DeliverDirectAsync(ConversationKey conversation, Reply reply, CancellationToken cancellationToken)
    {
        var user = conversation.DirectUser!;
        var person = Read(await references.GetAsync(conversation, cancellationToken));
        var via = person ?? Read(await references.GetLatestInWorkspaceAsync(conversation.WorkspaceKey, cancellationToken))
            ?? throw new DeliveryException($"Teams direct message to {user}: the bot knows no conversation in tenant {conversation.Workspace} yet (install the app first).", permanent: true) { ConversationGone = true };
        var member = person?.UserId ?? user;
        var tenant = via.TenantId ?? conversation.Workspace;
        var cards = AdaptiveCardRenderer.Render(reply, people.NameOf);
        var activity = new OutboundActivity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = via.BotId, Name = via.BotName },
            Summary = reply.Text,
            Attachments = [.. cards.Select(AdaptiveCardRenderer.Attach)],
        };

        var chat = person?.ConversationId is { Length: > 0 } known ? known : null;
        try
        {
            if (chat is not null)
            {
                try
                {
                    return await SendDirectAsync(via.ServiceUrl, chat, activity, cancellationToken);
                }
                catch (ConnectorException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
                {
                    // The remembered chat may be gone while the person is not: ask for it again once.
                    Log.DirectChatStale(logger, user, (int)e.Status!);
                }
            }

            try
            {
                var created = await connector.CreateConversationAsync(via.ServiceUrl, new ConversationParameters
                {
                    IsGroup = false,
                    Bot = new ChannelAccount { Id = via.BotId, Name = via.BotName },
                    Members = [new ChannelAccount { Id = member }],
                    TenantId = tenant,
                    ChannelData = new TeamsChannelData { Tenant = new IdRef { Id = tenant } },
                }, cancellationToken, idempotent: true);
                chat = created.Id is { Length: > 0 } id ? id : throw new DeliveryException($"Teams direct message to {user}: the connector created no conversation.", permanent: false);
            }
            catch (ConnectorException e) when (e.Status is null)
            {
                // Nothing was posted yet (creating the 1:1 chat shows nothing): a lost answer is simply tried again.
                throw new DeliveryException(e.Message, permanent: false, inner: e);
            }

            await references.SaveAsync(conversation, JsonSerializer.Serialize(
                new TeamsConversationReference(via.ServiceUrl, chat, TeamsConversationReference.PersonalType, tenant, via.BotId, via.BotName, null, via.Locale, member),
                TeamsJson.Default.TeamsConversationReference), cancellationToken);
            return await SendDirectAsync(via.ServiceUrl, chat, activity, cancellationToken);
        }
        catch (ConnectorException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            Log.DirectRefused(logger, user, (int)e.Status!);
            throw new DeliveryException($"{e.Message} (Teams direct message to {user}: the person cannot be reached, or the app is not installed for them)", permanent: true, inner: e) { ConversationGone = true };
        }
        catch (ConnectorException e)
        {
            throw Map(e, updating: false);
        }
    }

    private async Task<string> SendDirectAsync(string serviceUrl, string chat, OutboundActivity activity, CancellationToken cancellationToken) =>
        await connector.SendAsync(serviceUrl, chat, activity with { Conversation = new ConversationAccount { Id = chat } }, cancellationToken) ?? AcceptedWithoutId;

    private static TeamsConversationReference? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, TeamsJson.Default.TeamsConversationReference);

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

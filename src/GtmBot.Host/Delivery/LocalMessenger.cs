using System.Globalization;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage.Stores;

namespace GtmBot.Host.Delivery;

/// <summary>Delivers outbox messages into the local channel page: a row in its message table, which the page polls.</summary>
internal sealed class LocalMessenger(LocalChannelStore channels) : IPlatformMessenger
{
    public string Platform => Platforms.Local;

    /// <remarks>
    /// Artefacts are updated in place by the store itself (one row per channel and artefact key). A direct message is stored
    /// under the person's key (<c>@user</c>) as a plain new message: their feed of direct messages has no living cards.
    /// </remarks>
    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        var message = conversation.IsDirect
            ? reply with { Placement = ReplyPlacement.NewMessage, ArtefactKey = null, Visibility = ReplyVisibility.Channel }
            : reply;
        var id = await channels.PostAsync(conversation.ChannelOnly, message, cancellationToken);
        return id.ToString(CultureInfo.InvariantCulture);
    }
}

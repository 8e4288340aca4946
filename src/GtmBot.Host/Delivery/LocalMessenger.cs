using System.Globalization;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage.Stores;

namespace GtmBot.Host.Delivery;

/// <summary>Delivers outbox messages into the local channel page: a row in its message table, which the page polls.</summary>
internal sealed class LocalMessenger(LocalChannelStore channels) : IPlatformMessenger
{
    public string Platform => Platforms.Local;

    /// <remarks>Artefacts are updated in place by the store itself (one row per channel and artefact key).</remarks>
    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        var id = await channels.PostAsync(conversation.ChannelOnly, reply, cancellationToken);
        return id.ToString(CultureInfo.InvariantCulture);
    }
}

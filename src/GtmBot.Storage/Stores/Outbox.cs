using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Stores;

internal sealed class Outbox(IGtmDbFactory db, TimeProvider clock) : IOutbox
{
    public async Task EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conversation = message.Conversation;
        await using var ctx = db.Create();
        if (message.IdempotencyKey is not null &&
            await ctx.Set<OutboxEntity>().AnyAsync(
                o => o.WorkspaceKey == conversation.WorkspaceKey && o.Channel == conversation.Channel && o.IdempotencyKey == message.IdempotencyKey,
                cancellationToken))
        {
            return;
        }

        ctx.Add(new OutboxEntity
        {
            WorkspaceKey = conversation.WorkspaceKey,
            Channel = conversation.Channel,
            Platform = conversation.Platform,
            ConversationJson = JsonSerializer.Serialize(conversation, StorageJson.Options),
            ReplyJson = JsonSerializer.Serialize(message.Reply, StorageJson.Options),
            ArtefactKey = message.Reply.Placement == ReplyPlacement.Artefact ? message.Reply.ArtefactKey : null,
            IdempotencyKey = message.IdempotencyKey,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await ctx.SaveChangesAsync(cancellationToken);
    }
}

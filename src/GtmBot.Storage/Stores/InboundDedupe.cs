using GtmBot.Engine.Ports;
using GtmBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Stores;

internal sealed class InboundDedupe(IGtmDbFactory db, TimeProvider clock) : IInboundDedupe
{
    public async Task<bool> FirstSeenAsync(string platform, string eventId, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        ctx.Add(new InboundEventEntity { Platform = platform, EventId = eventId, SeenAt = clock.GetUtcNow() });
        try
        {
            await ctx.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await ExistsAsync(platform, eventId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> ExistsAsync(string platform, string eventId, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await ctx.Set<InboundEventEntity>().AnyAsync(e => e.Platform == platform && e.EventId == eventId, cancellationToken);
    }
}

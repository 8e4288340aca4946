using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Needs;

/// <summary>What a channel's needs are scored from: its quotes, the workspace's customer profiles, the common-need threshold.</summary>
public sealed record NeedEvidence(IReadOnlyDictionary<long, QuoteRecord> Quotes, IReadOnlyList<CustomerProfile> Profiles, int Threshold)
{
    /// <summary>Linked quotes read, in one batch, beyond the channel's newest (old quotes linked by hand).</summary>
    public const int MaxExtraLookups = 100;

    /// <summary>The need's linked quotes that still exist, in link order.</summary>
    public IReadOnlyList<QuoteRecord> Linked(Need need) => [.. need.QuoteIds.Select(id => Quotes.GetValueOrDefault(id)).OfType<QuoteRecord>()];

    public NeedScore Score(Need need, DateOnly today) => NeedPriority.Compute(Linked(need), Profiles, need.Effort, today, Threshold);

    /// <summary>Loads the evidence of a channel, covering the linked quotes of <paramref name="needs"/>.</summary>
    public static async Task<NeedEvidence> LoadAsync(IQuoteStore quotes, ICustomerStore customers, ISettingsStore settings, ConversationKey channel, IEnumerable<Need> needs, CancellationToken cancellationToken)
    {
        var map = (await quotes.ListAsync(channel, null, QuoteFlow.MaxScanned, cancellationToken)).ToDictionary(q => q.Id);
        var extra = needs.SelectMany(n => n.QuoteIds).Where(id => !map.ContainsKey(id)).Distinct().Take(MaxExtraLookups).ToList();
        foreach (var q in await quotes.GetManyAsync(channel, extra, cancellationToken))
        {
            map[q.Id] = q;
        }

        var profiles = await customers.ListAsync(channel.WorkspaceKey, cancellationToken);
        return new NeedEvidence(map, profiles, await QuoteFlow.ThresholdAsync(settings, channel, cancellationToken));
    }
}

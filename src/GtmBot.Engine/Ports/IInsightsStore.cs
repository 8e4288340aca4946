namespace GtmBot.Engine.Ports;

/// <summary>
/// What a channel's quotes looked like when read: how many, the newest id, and the generation that corrections and re-tagging
/// bump. Quotes are never deleted and ids only grow, so any quote added changes <see cref="Quotes"/> and <see cref="LastQuoteId"/>.
/// </summary>
public sealed record ChannelSignature(long Quotes, long LastQuoteId, long Generation);

/// <summary>A channel's insights as computed from its quotes at <see cref="BuiltFrom"/> (JSON of the engine's snapshot).</summary>
public sealed record StoredInsights(string Json, ChannelSignature BuiltFrom, DateTimeOffset BuiltAt);

/// <summary>The per-channel insights snapshot, kept up to date as quotes arrive, so that <c>/gtm insights</c> reads a small stored result.</summary>
public interface IInsightsStore
{
    /// <summary>The stored snapshot (null when none was built yet) and the channel's signature now.</summary>
    Task<(StoredInsights? Stored, ChannelSignature Now)> ReadAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>The channel's signature now, read before its quotes are, so that a snapshot is never labelled newer than what it saw.</summary>
    Task<ChannelSignature> SignatureAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>Stores the snapshot (replacing the previous one).</summary>
    Task SaveAsync(ConversationKey channel, StoredInsights insights, CancellationToken cancellationToken);
}

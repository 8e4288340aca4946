using GtmBot.Engine.Needs;

namespace GtmBot.Engine.Ports;

/// <summary>The needs of a channel with their history. Every call is scoped to one channel (workspace key + channel).</summary>
public interface INeedStore
{
    /// <summary>Creates a need numbered after the channel's last one (#1, #2, …); durable when this returns.</summary>
    Task<Need> CreateAsync(ConversationKey channel, NewNeed need, CancellationToken cancellationToken);

    /// <summary>The need numbered <paramref name="number"/> in this channel, or null.</summary>
    Task<Need?> GetAsync(ConversationKey channel, int number, CancellationToken cancellationToken);

    /// <summary>The need made from a theme of the insights, or null.</summary>
    Task<Need?> FindByThemeAsync(ConversationKey channel, string themeKey, CancellationToken cancellationToken);

    /// <summary>The channel's needs by number, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Need>> ListAsync(ConversationKey channel, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="updated"/> if the need is still at <paramref name="expectedVersion"/>, with its history rows and the
    /// outbox messages the change causes, in one transaction: all of them are durable, or none. False when someone changed it first.
    /// </summary>
    Task<bool> UpdateAsync(ConversationKey channel, Need updated, int expectedVersion, IReadOnlyList<NeedChange> changes, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken);

    /// <summary>A need's changes, newest first.</summary>
    Task<IReadOnlyList<NeedChange>> HistoryAsync(ConversationKey channel, long needId, int limit, CancellationToken cancellationToken);

    /// <summary>Status changes made in (<paramref name="since"/>, <paramref name="until"/>], with their needs.</summary>
    Task<IReadOnlyList<NeedStatusChange>> StatusChangesAsync(ConversationKey channel, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}

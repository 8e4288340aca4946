namespace GtmBot.Engine.Ports;

/// <summary>
/// Remembers how to reach a conversation later (proactive posts: reminders, artefact updates, digests).
/// The reference is the edge's own serialized address (Teams: service URL, conversation id, bot id); the engine never reads it.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Stores or refreshes the reference of a channel. True when the channel was not known before.</summary>
    Task<bool> SaveAsync(ConversationKey channel, string reference, CancellationToken cancellationToken);

    /// <summary>The stored reference of a channel, or null.</summary>
    Task<string?> GetAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>
    /// The most recently refreshed reference of any conversation in a workspace (<see cref="ConversationKey.WorkspaceKey"/>),
    /// or null: what a platform needs to open a new conversation there (Teams: service URL, tenant, bot).
    /// </summary>
    Task<string?> GetLatestInWorkspaceAsync(string workspaceKey, CancellationToken cancellationToken);

    /// <summary>Forgets a channel the bot can no longer post to.</summary>
    Task DeleteAsync(ConversationKey channel, CancellationToken cancellationToken);
}

using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Ports;

/// <summary>The five questions of a 4W1H canvas, in the order they are shown.</summary>
public enum CanvasField
{
    Who,
    Why,
    How,
    What,
    Where,
}

/// <summary>One field of a canvas: its text, the need/want call (Why only) and the version that guards concurrent edits.</summary>
public sealed record CanvasFieldValue(CanvasField Field, string? Value, Motive Motive, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>A named 4W1H canvas of a channel.</summary>
public sealed record Canvas(long Id, string Name, IReadOnlyList<CanvasFieldValue> Fields, DateTimeOffset CreatedAt)
{
    public CanvasFieldValue this[CanvasField field] => Fields.First(f => f.Field == field);
}

/// <summary>One kept change of a canvas field: who, when, old and new.</summary>
public sealed record CanvasChange(
    string CanvasName,
    CanvasField Field,
    string? OldValue,
    string? NewValue,
    Motive OldMotive,
    Motive NewMotive,
    string UserId,
    string? UserName,
    DateTimeOffset At);

/// <summary>The outcome of an edit: saved (with the new field), or refused because someone else changed the field first.</summary>
public sealed record CanvasEditResult(bool Saved, CanvasFieldValue Current);

/// <summary>Canvases per channel, with history and optimistic concurrency per field.</summary>
public interface ICanvasStore
{
    /// <summary>The canvas with this name (normalized by the caller), created empty when missing.</summary>
    Task<Canvas> GetOrCreateAsync(ConversationKey channel, string name, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Canvas?> FindAsync(ConversationKey channel, long canvasId, CancellationToken cancellationToken);

    Task<Canvas?> FindByNameAsync(ConversationKey channel, string name, CancellationToken cancellationToken);

    /// <summary>All canvases of the channel, oldest first.</summary>
    Task<IReadOnlyList<Canvas>> ListAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a field if its version is still <paramref name="expectedVersion"/>, and keeps the change in the history.
    /// Otherwise nothing is written and the current field is returned.
    /// </summary>
    Task<CanvasEditResult> UpdateFieldAsync(
        ConversationKey channel,
        long canvasId,
        CanvasField field,
        int expectedVersion,
        string value,
        Motive motive,
        TurnUser user,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>The latest changes, newest first; of one canvas when <paramref name="canvasId"/> is given.</summary>
    Task<IReadOnlyList<CanvasChange>> HistoryAsync(ConversationKey channel, long? canvasId, int limit, CancellationToken cancellationToken);
}

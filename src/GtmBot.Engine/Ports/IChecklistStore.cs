namespace GtmBot.Engine.Ports;

/// <summary>Status of a checklist step.</summary>
public enum ChecklistStatus
{
    Todo,
    Doing,
    Done,
    Blocked,
}

/// <summary>Where the product is in its life cycle; a new checklist starts at <see cref="Definition"/>. Stored by name.</summary>
public enum LifecycleStage
{
    Definition,
    PreparingLaunch,
    Pilot,
    Launch,
    Scale,
    Iterate,
    Retire,
}

/// <summary>One of the eight GTM steps of a channel's checklist. <see cref="OwnerId"/> is a platform user id.</summary>
public sealed record ChecklistItem(int Step, ChecklistStatus Status, string? OwnerId, DateOnly? Due, string? Note, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>A channel's GTM checklist with the product's life-cycle stage.</summary>
public sealed record Checklist(long Id, LifecycleStage Stage, int Version, IReadOnlyList<ChecklistItem> Items, DateTimeOffset CreatedAt)
{
    public ChecklistItem this[int step] => Items.First(i => i.Step == step);
}

/// <summary>What an edit sets on a step: all four values (the caller merges the unchanged ones from the version it showed).</summary>
public sealed record ChecklistItemValues(ChecklistStatus Status, string? OwnerId, DateOnly? Due, string? Note);

/// <summary>One kept change of the checklist: step 0 is the life-cycle stage.</summary>
public sealed record ChecklistChange(int Step, string Property, string? OldValue, string? NewValue, string UserId, DateTimeOffset At);

/// <summary>The outcome of an edit: saved, or refused because someone else changed the step first (with its current state).</summary>
public sealed record ChecklistEditResult(bool Saved, ChecklistItem Current);

/// <summary>One checklist per channel, with history and optimistic concurrency per step (and on the stage).</summary>
public interface IChecklistStore
{
    /// <summary>The channel's checklist, created with <paramref name="steps"/> to-do steps when missing.</summary>
    Task<Checklist> GetOrCreateAsync(ConversationKey channel, int steps, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Checklist?> FindAsync(ConversationKey channel, CancellationToken cancellationToken);

    Task<ChecklistEditResult> UpdateItemAsync(ConversationKey channel, int step, int expectedVersion, ChecklistItemValues values, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the life-cycle stage if the checklist's version is still <paramref name="expectedVersion"/>.</summary>
    Task<bool> SetStageAsync(ConversationKey channel, int expectedVersion, LifecycleStage stage, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The latest changes, newest first.</summary>
    Task<IReadOnlyList<ChecklistChange>> HistoryAsync(ConversationKey channel, int limit, CancellationToken cancellationToken);
}

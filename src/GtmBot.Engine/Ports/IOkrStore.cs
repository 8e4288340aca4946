namespace GtmBot.Engine.Ports;

/// <summary>One key result of an objective: a measurable target and how far the team got.</summary>
/// <param name="Number">1, 2, … within the objective.</param>
/// <param name="Unit">What the numbers count ("customers", "k€"), when given.</param>
public sealed record KeyResult(int Number, string Text, decimal Target, string? Unit, decimal Progress, string CreatedBy, DateTimeOffset CreatedAt, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>
/// A joint objective of checklist step 6 (sales targets and budget), owned by one product person and one sales person
/// together. Owners are platform user ids.
/// </summary>
/// <param name="Number">1, 2, … within the channel: what people type in <c>/gtm okr 2</c>.</param>
/// <param name="Due">The day it should be reached; without one it is never behind schedule.</param>
public sealed record Objective(long Id, int Number, string Title, string ProductOwner, string SalesOwner, DateOnly? Due, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<KeyResult> KeyResults);

/// <summary>What a new objective sets.</summary>
public sealed record ObjectiveValues(string Title, string ProductOwner, string SalesOwner, DateOnly? Due);

/// <summary>What a new key result sets.</summary>
public sealed record KeyResultValues(string Text, decimal Target, string? Unit);

/// <summary>The outcome of a write addressed by objective and key-result number.</summary>
public enum OkrWrite
{
    Saved,
    NoObjective,
    NoKeyResult,
}

/// <summary>A channel's joint objectives and their key results.</summary>
public interface IOkrStore
{
    /// <summary>Adds an objective with the channel's next number; returns it.</summary>
    Task<Objective> AddObjectiveAsync(ConversationKey channel, ObjectiveValues values, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Objective?> FindAsync(ConversationKey channel, int number, CancellationToken cancellationToken);

    /// <summary>The channel's objectives by number.</summary>
    Task<IReadOnlyList<Objective>> ListAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>Adds a key result with the objective's next number.</summary>
    Task<OkrWrite> AddKeyResultAsync(ConversationKey channel, int objective, KeyResultValues values, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the progress of key result <paramref name="keyResult"/> of objective <paramref name="objective"/>.</summary>
    Task<OkrWrite> SetProgressAsync(ConversationKey channel, int objective, int keyResult, decimal progress, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);
}

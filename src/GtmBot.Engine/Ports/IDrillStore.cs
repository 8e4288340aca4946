using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Ports;

/// <summary>
/// Where a five-whys drill is: asking why, the optional "why us?", picking the root cause, waiting for the need/want call,
/// offering to update the canvas, or done. Stored by name, so the order here is free.
/// </summary>
public enum DrillStage
{
    Asking,
    WhyUs,
    PickRoot,
    NeedOrWant,
    Offer,
    Done,
}

/// <summary>One answer to "why?" in a drill.</summary>
public sealed record DrillAnswer(int Step, string Text, string UserId, DateTimeOffset At);

/// <summary>
/// A five-whys drill of a channel. <see cref="Number"/> counts per channel (#1, #2, …); <see cref="Id"/> is what buttons carry.
/// <see cref="RootCause"/> is what the team picked (one of the answers, <see cref="RootCauseStep"/>) or wrote (step null);
/// <see cref="WhyUs"/> is the optional answer to "why would they choose us?". <see cref="AppliedTo"/> names the canvas
/// field the result went into (<c>canvas:Field</c>).
/// </summary>
public sealed record Drill(
    long Id,
    int Number,
    string Problem,
    DrillStage Stage,
    Motive Motive,
    IReadOnlyList<DrillAnswer> Answers,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string? AppliedTo,
    string? RootCause = null,
    int? RootCauseStep = null,
    string? RootCauseBy = null,
    string? WhyUs = null,
    string? WhyUsBy = null);

/// <summary>Five-whys drills per channel. Moves are checked in the UPDATE, so two people pressing at once cannot both move a drill.</summary>
public interface IDrillStore
{
    Task<Drill> StartAsync(ConversationKey channel, string problem, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Drill?> FindAsync(ConversationKey channel, long drillId, CancellationToken cancellationToken);

    /// <summary>The latest drills, newest first.</summary>
    Task<IReadOnlyList<Drill>> ListAsync(ConversationKey channel, int limit, CancellationToken cancellationToken);

    /// <summary>Drills not done yet, oldest first.</summary>
    Task<IReadOnlyList<Drill>> ListOpenAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the answer to why number <paramref name="step"/> if the drill is still asking and that why is still unanswered;
    /// moves the drill to <paramref name="stageAfter"/>. False when someone else got there first.
    /// </summary>
    Task<bool> AddAnswerAsync(ConversationKey channel, long drillId, int step, string text, DrillStage stageAfter, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the answer to "why would they choose us?" (null: skipped) and moves the drill from <see cref="DrillStage.WhyUs"/>
    /// to <see cref="DrillStage.PickRoot"/>. False when it was not asking that any more.
    /// </summary>
    Task<bool> AnswerWhyUsAsync(ConversationKey channel, long drillId, string? text, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the root cause the team picked (<paramref name="step"/>: which answer) or wrote (step null) and moves the drill
    /// from <see cref="DrillStage.PickRoot"/> to <see cref="DrillStage.NeedOrWant"/>. False when it was not picking any more.
    /// </summary>
    Task<bool> PickRootCauseAsync(ConversationKey channel, long drillId, string text, int? step, TurnUser user, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves a drill from <paramref name="from"/> to <paramref name="to"/>, setting the motive or the applied field when given. False when it was not at <paramref name="from"/>.</summary>
    Task<bool> MoveAsync(ConversationKey channel, long drillId, DrillStage from, DrillStage to, Motive? motive, string? appliedTo, DateTimeOffset now, CancellationToken cancellationToken);
}

using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Ports;

/// <summary>Where a five-whys drill is: asking why, waiting for the need/want call, offering to update the canvas, or done.</summary>
public enum DrillStage
{
    Asking,
    NeedOrWant,
    Offer,
    Done,
}

/// <summary>One answer to "why?" in a drill.</summary>
public sealed record DrillAnswer(int Step, string Text, string UserId, DateTimeOffset At);

/// <summary>A five-whys drill of a channel. <see cref="AppliedTo"/> names the canvas field the result went into (<c>canvas:Field</c>).</summary>
public sealed record Drill(
    long Id,
    string Problem,
    DrillStage Stage,
    Motive Motive,
    IReadOnlyList<DrillAnswer> Answers,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string? AppliedTo)
{
    /// <summary>The last answer: the root cause once the team stops asking.</summary>
    public string? RootCause => Answers.Count == 0 ? null : Answers[^1].Text;
}

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

    /// <summary>Moves a drill from <paramref name="from"/> to <paramref name="to"/>, setting the motive or the applied field when given. False when it was not at <paramref name="from"/>.</summary>
    Task<bool> MoveAsync(ConversationKey channel, long drillId, DrillStage from, DrillStage to, Motive? motive, string? appliedTo, DateTimeOffset now, CancellationToken cancellationToken);
}

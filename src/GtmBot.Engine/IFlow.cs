using GtmBot.Engine.Strings;

namespace GtmBot.Engine;

/// <summary>One conversation flow (canvas, five whys, checklist, …). A flow owns a command word and the action ids <c>{Id}.*</c>.</summary>
public interface IFlow
{
    /// <summary>The flow id; its actions are named <c>{Id}.{verb}</c>.</summary>
    string Id { get; }

    /// <summary>The command words that start it, e.g. <c>canvas</c> (Chinese aliases welcome).</summary>
    IReadOnlyList<string> Commands { get; }

    /// <summary>One line for <c>/gtm help</c>, in neutral markup.</summary>
    Localized Help { get; }

    /// <summary>
    /// Whether <c>/gtm {command} {args}</c> only looks things up (a list, a search, insights, a history): the engine then
    /// shows its answer to the asker only, with a "Share to channel" button.
    /// </summary>
    bool IsLookup(string command, string args) => false;

    /// <summary>Handles <c>/gtm {command} {args}</c>.</summary>
    Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken);

    /// <summary>Handles a button press or form submit whose action id starts with <c>{Id}.</c>.</summary>
    Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken);
}

/// <summary>What a flow knows about the turn it handles.</summary>
/// <param name="zone">The person's time zone (their choice, the platform's, the workspace's; UTC when none is known).</param>
public sealed class FlowContext(Turn turn, Lang lang, TimeProvider clock, TimeZoneInfo? zone = null)
{
    public Turn Turn { get; } = turn;

    public Lang Lang { get; } = lang;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The channel the turn happened in, without the thread: shared things live per channel.</summary>
    public ConversationKey Channel => Turn.Conversation.ChannelOnly;

    public TurnUser User => Turn.User;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The time zone dates are read and shown in for this person.</summary>
    public TimeZoneInfo Zone { get; } = zone ?? TimeZoneInfo.Utc;

    /// <summary>Today in the person's time zone: due dates and "overdue" count in it.</summary>
    public DateOnly Today => Dates.HumanDate.Today(Now, Zone);

    /// <summary>The string in the turn's language, formatted.</summary>
    public string T(Localized text, params object?[] args) => args.Length == 0 ? text.Get(Lang) : text.Format(Lang, args);

    /// <summary>A one-line ephemeral notice in the turn's language.</summary>
    public IReadOnlyList<Reply> Notice(Localized text, params object?[] args) => [Reply.Notice(T(text, args))];
}

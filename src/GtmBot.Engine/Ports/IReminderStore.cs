using GtmBot.Engine.Reminders;

namespace GtmBot.Engine.Ports;

/// <summary>A channel's weekly reminder as the flow shows it.</summary>
/// <param name="NextRun">The next occurrence the scheduler will fire (UTC), null when disabled.</param>
/// <param name="LastRun">The occurrence of the last digest sent: "new since last week" counts from here.</param>
/// <param name="SkipReason">Why the next occurrence was skipped, when it was.</param>
/// <param name="DisabledReason">Why it is off (turned off by a user, or the bot lost the channel).</param>
public sealed record ReminderInfo(ConversationKey Channel, WeeklySchedule Schedule, bool Enabled, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? SkipReason, string? DisabledReason);

/// <summary>The weekly reminders, one per channel.</summary>
public interface IReminderStore
{
    Task<ReminderInfo?> GetAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the channel's reminder and enables it.</summary>
    Task SetAsync(ConversationKey channel, WeeklySchedule schedule, DateTimeOffset nextRun, string userId, CancellationToken cancellationToken);

    /// <summary>Turns the channel's reminder off; true when there was one.</summary>
    Task<bool> DisableAsync(ConversationKey channel, string reason, CancellationToken cancellationToken);

    /// <summary>Moves the next occurrence (snooze, skip), recording the reason if one is given.</summary>
    Task PostponeAsync(ConversationKey channel, DateTimeOffset nextRun, string? reason, CancellationToken cancellationToken);
}

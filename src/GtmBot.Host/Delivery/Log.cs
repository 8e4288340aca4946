namespace GtmBot.Host.Delivery;

/// <summary>Log lines of delivery and scheduling (event ids 700–799).</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Outbox dispatcher {Owner} started")]
    public static partial void DispatcherStarted(ILogger logger, string owner);

    [LoggerMessage(EventId = 701, Level = LogLevel.Debug, Message = "Delivered outbox row {Id} to {Platform} channel {Channel} as message {MessageId}")]
    public static partial void Delivered(ILogger logger, long id, string platform, string channel, string messageId);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Outbox row {Id} to {Platform} channel {Channel} failed (attempt {Attempt}); retrying at {NotBefore:o}: {Error}")]
    public static partial void Retrying(ILogger logger, long id, string platform, string channel, int attempt, DateTimeOffset notBefore, string error);

    [LoggerMessage(EventId = 703, Level = LogLevel.Error, Message = "Outbox row {Id} to {Platform} channel {Channel} dead-lettered after {Attempts} attempt(s): {Error}")]
    public static partial void DeadLettered(ILogger logger, long id, string platform, string channel, int attempts, string error);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "The bot can no longer post in {Platform} channel {Channel}: its weekly reminder is disabled")]
    public static partial void ReminderDisabled(ILogger logger, string platform, string channel);

    [LoggerMessage(EventId = 705, Level = LogLevel.Information, Message = "The artefact message of {Channel} is gone; posting it anew")]
    public static partial void ArtefactGone(ILogger logger, string channel);

    [LoggerMessage(EventId = 706, Level = LogLevel.Debug, Message = "Outbox row {Id} throttled by {Platform} for {RetryAfter}")]
    public static partial void Throttled(ILogger logger, long id, string platform, TimeSpan retryAfter);

    [LoggerMessage(EventId = 707, Level = LogLevel.Error, Message = "Outbox dispatcher loop failed; trying again after the poll interval")]
    public static partial void DispatcherLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Reminder scheduler {Owner} started")]
    public static partial void SchedulerStarted(ILogger logger, string owner);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information, Message = "Reminder {Id} of {Platform} channel {Channel} fired for {Occurrence:o}; next {Next:o}")]
    public static partial void ReminderFired(ILogger logger, long id, string platform, string channel, DateTimeOffset occurrence, DateTimeOffset next);

    [LoggerMessage(EventId = 712, Level = LogLevel.Error, Message = "Reminder scheduler loop failed; trying again after the poll interval")]
    public static partial void SchedulerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 713, Level = LogLevel.Error, Message = "Reminder {Id} failed to fire; its lease expires and another attempt follows")]
    public static partial void ReminderFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Outbox row {Id} set aside: an alert is queued for {Platform} channel {Channel}")]
    public static partial void AlertQueued(ILogger logger, long id, string platform, string channel);

    [LoggerMessage(EventId = 721, Level = LogLevel.Warning, Message = "Outbox row {Id} to {Platform} failed with an unclassified error; retrying, reconciling first")]
    public static partial void UnclassifiedFailure(ILogger logger, long id, string platform, Exception error);
}

namespace GtmBot.Host.Api;

/// <summary>Log lines of the open API, exports and webhooks (event ids 1400–1499). Tokens and secrets are never logged.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "API request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "API quote {QuoteId} stored in {Channel} by token {Token}")]
    public static partial void QuotePosted(ILogger logger, long quoteId, string channel, string token);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "API token {Token} rate limited")]
    public static partial void RateLimited(ILogger logger, string token);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Export file {FileId} ({Bytes} bytes) delivered to {Platform} channel {Channel}")]
    public static partial void ExportDelivered(ILogger logger, long fileId, int bytes, string platform, string channel);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Export file {FileId} downloaded")]
    public static partial void ExportDownloaded(ILogger logger, long fileId);

    [LoggerMessage(EventId = 1420, Level = LogLevel.Debug, Message = "Webhook {Subscription} got event {EventId}: HTTP {Status}")]
    public static partial void WebhookDelivered(ILogger logger, string subscription, string eventId, int status);

    [LoggerMessage(EventId = 1430, Level = LogLevel.Information, Message = "Export scheduler {Owner} started")]
    public static partial void SchedulerStarted(ILogger logger, string owner);

    [LoggerMessage(EventId = 1431, Level = LogLevel.Information, Message = "Weekly export {Id} of {Channel} fired for {Occurrence:o}; next {Next:o}")]
    public static partial void ExportFired(ILogger logger, long id, string channel, DateTimeOffset occurrence, DateTimeOffset next);

    [LoggerMessage(EventId = 1432, Level = LogLevel.Error, Message = "Weekly export {Id} failed; its lease expires and another attempt follows")]
    public static partial void ExportFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 1433, Level = LogLevel.Error, Message = "Export scheduler loop failed; trying again after the poll interval")]
    public static partial void SchedulerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1434, Level = LogLevel.Warning, Message = "Weekly export {Id} of {Channel} is over the file limit ({Bytes} > {Limit} bytes); skipped this week")]
    public static partial void ExportTooLarge(ILogger logger, long id, string channel, long bytes, long limit);
}

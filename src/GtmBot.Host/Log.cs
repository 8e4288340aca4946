using Microsoft.Extensions.Logging;

namespace GtmBot.Host;

/// <summary>
/// Every log line of the host, with its event id: host 100–699, delivery and scheduling 700–799, the open API, exports and
/// webhooks 1400–1499, busy answers 8110. Tokens and secrets are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Local channel: open {Url}/ in a browser")]
    public static partial void LocalChannel(ILogger logger, string url);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Storage: {Provider} at {Location}")]
    public static partial void Storage(ILogger logger, string provider, string location);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Charts ready: Chinese labels in font {Font}, warm-up took {ElapsedMs} ms")]
    public static partial void ChartsReady(ILogger logger, string font, long elapsedMs);

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning, Message = "Charts cannot be drawn here: SkiaSharp's native library did not load")]
    public static partial void ChartsUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 140, Level = LogLevel.Error, Message = "Insights of {Channel} could not be rebuilt; trying again in {RetrySeconds} s")]
    public static partial void InsightsRefreshFailed(ILogger logger, Exception exception, string channel, double retrySeconds);

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Feedback summaries run offline. To use an LLM set GtmBot__Llm__Provider=AzureOpenAI (Endpoint, Deployment, ApiKey or Entra ID) or OpenAI (BaseUrl, Model, ApiKey)")]
    public static partial void LlmOff(ILogger logger);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Feedback summaries use {Provider} model {Model}, with the offline summarizer as fallback")]
    public static partial void LlmOn(ILogger logger, string provider, string model);

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Summary {Id} done by {Summarizer} (fell back: {FellBack}), {Themes} themes")]
    public static partial void SummaryDone(ILogger logger, long id, string summarizer, bool fellBack, int themes);

    [LoggerMessage(EventId = 611, Level = LogLevel.Error, Message = "Summary worker failed; the request stays stored and is retried when its lease ends")]
    public static partial void SummaryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 612, Level = LogLevel.Warning, Message = "The {Platform} working indicator could not be shown for a summary; the summary goes on without it")]
    public static partial void WorkingIndicatorFailed(ILogger logger, string platform, Exception exception);

    // The quote tagger model.
    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Quote tagger model {Path}: {Description}")]
    public static partial void ModelLoaded(ILogger logger, string path, string description);

    [LoggerMessage(EventId = 621, Level = LogLevel.Critical, Message = "{Problem}")]
    public static partial void ModelUnusable(ILogger logger, string problem);

    // Delivery and scheduling.
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
    public static partial void ReminderSchedulerStarted(ILogger logger, string owner);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information, Message = "Reminder {Id} of {Platform} channel {Channel} fired for {Occurrence:o}; next {Next:o}")]
    public static partial void ReminderFired(ILogger logger, long id, string platform, string channel, DateTimeOffset occurrence, DateTimeOffset next);

    [LoggerMessage(EventId = 712, Level = LogLevel.Error, Message = "Reminder scheduler loop failed; trying again after the poll interval")]
    public static partial void ReminderSchedulerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 713, Level = LogLevel.Error, Message = "Reminder {Id} failed to fire; its lease expires and another attempt follows")]
    public static partial void ReminderFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Outbox row {Id} set aside: an alert is queued for {Platform} channel {Channel}")]
    public static partial void AlertQueued(ILogger logger, long id, string platform, string channel);

    [LoggerMessage(EventId = 721, Level = LogLevel.Warning, Message = "Outbox row {Id} to {Platform} failed with an unclassified error; retrying, reconciling first")]
    public static partial void UnclassifiedFailure(ILogger logger, long id, string platform, Exception error);

    // The open API, exports and webhooks.
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
    public static partial void ExportSchedulerStarted(ILogger logger, string owner);

    [LoggerMessage(EventId = 1431, Level = LogLevel.Information, Message = "Weekly export {Id} of {Channel} fired for {Occurrence:o}; next {Next:o}")]
    public static partial void ExportFired(ILogger logger, long id, string channel, DateTimeOffset occurrence, DateTimeOffset next);

    [LoggerMessage(EventId = 1432, Level = LogLevel.Error, Message = "Weekly export {Id} failed; its lease expires and another attempt follows")]
    public static partial void ExportFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 1433, Level = LogLevel.Error, Message = "Export scheduler loop failed; trying again after the poll interval")]
    public static partial void ExportSchedulerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1434, Level = LogLevel.Warning, Message = "Weekly export {Id} of {Channel} is over the file limit ({Bytes} > {Limit} bytes); skipped this week")]
    public static partial void ExportTooLarge(ILogger logger, long id, string channel, long bytes, long limit);

    // Busy answers.
    [LoggerMessage(EventId = 8110, Level = LogLevel.Warning, Message = "{Path} answered 503: {Reason}")]
    public static partial void RetryLater(ILogger logger, string path, string reason);
}

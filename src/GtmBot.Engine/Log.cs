using Microsoft.Extensions.Logging;

namespace GtmBot.Engine;

/// <summary>Every log line of the Engine (flows 1000–1399, the LLM summarizer 6000–6099, LLM tagging 6100–6199). Never message text above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Unknown command '{Command}' answered with help")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Unknown action '{ActionId}': no flow owns it")]
    public static partial void UnknownAction(ILogger logger, string actionId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Quote {QuoteId} captured from {Source} ({Language}, {TagCount} tags)")]
    public static partial void Captured(ILogger logger, long quoteId, string source, string language, int tagCount);

    [LoggerMessage(EventId = 1350, Level = LogLevel.Information, Message = "Customer profile saved in {Workspace} (segment {HasSegment}, ARR {HasArr}, renewal {HasRenewal})")]
    public static partial void ProfileSaved(ILogger logger, string workspace, bool hasSegment, bool hasArr, bool hasRenewal);

    [LoggerMessage(EventId = 1351, Level = LogLevel.Information, Message = "Insights chart {FileId} for {Channel}: {Themes} themes, {Segments} segments, {Bytes} bytes queued")]
    public static partial void ChartQueued(ILogger logger, long fileId, string channel, int themes, int segments, int bytes);

    [LoggerMessage(EventId = 1352, Level = LogLevel.Information, Message = "Needs chart {FileId} for {Channel}: {Needs} needs, {Columns} columns, {Bytes} bytes queued")]
    public static partial void NeedsChartQueued(ILogger logger, long fileId, string channel, int needs, int columns, int bytes);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "LLM summary {Step}: model {Model}, input tokens {InputTokens}, output tokens {OutputTokens}, {ElapsedMs} ms")]
    public static partial void LlmCall(ILogger logger, string step, string model, long? inputTokens, long? outputTokens, long elapsedMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "LLM summary with model {Model} failed ({Reason}, {ExceptionType}); the offline summary stands in")]
    public static partial void LlmFellBack(ILogger logger, string model, string reason, string exceptionType);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Webhook subscriptions could not be read; no event is raised for this write")]
    public static partial void LookupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1320, Level = LogLevel.Information, Message = "Export of {Kind} as {Format} for {Channel}: {Files} file(s), {Bytes} bytes queued")]
    public static partial void Exported(ILogger logger, string kind, string format, string channel, int files, long bytes);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "API token {Name} created for workspace {Workspace}")]
    public static partial void Created(ILogger logger, string name, string workspace);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "API token {Name} of workspace {Workspace} revoked")]
    public static partial void Revoked(ILogger logger, string name, string workspace);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "LLM tagging: model {Model}, {Quotes} quotes, input tokens {InputTokens}, output tokens {OutputTokens}")]
    public static partial void Call(ILogger logger, string model, int quotes, long? inputTokens, long? outputTokens);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "LLM tagging with model {Model} failed for a batch of {Quotes} ({Reason}, {ExceptionType}); the offline tagger stands in")]
    public static partial void FellBack(ILogger logger, string model, int quotes, string reason, string exceptionType);

    [LoggerMessage(EventId = 1360, Level = LogLevel.Information, Message = "Need {NeedId} moved from {From} to {To}; {Notices} direct messages enqueued")]
    public static partial void NeedMoved(ILogger logger, long needId, string from, string to, int notices);
}

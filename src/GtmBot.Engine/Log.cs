using Microsoft.Extensions.Logging;

namespace GtmBot.Engine;

/// <summary>Every log line of the Engine (event ids 1000–1099, the LLM summarizer 6000–6099). Never message text above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Unknown command '{Command}' answered with help")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Unknown action '{ActionId}': no flow owns it")]
    public static partial void UnknownAction(ILogger logger, string actionId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Quote {QuoteId} captured from {Source} ({Language}, {TagCount} tags)")]
    public static partial void Captured(ILogger logger, long quoteId, string source, string language, int tagCount);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "LLM summary {Step}: model {Model}, input tokens {InputTokens}, output tokens {OutputTokens}, {ElapsedMs} ms")]
    public static partial void LlmCall(ILogger logger, string step, string model, long? inputTokens, long? outputTokens, long elapsedMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "LLM summary with model {Model} failed ({Reason}, {ExceptionType}); the offline summary stands in")]
    public static partial void LlmFellBack(ILogger logger, string model, string reason, string exceptionType);
}

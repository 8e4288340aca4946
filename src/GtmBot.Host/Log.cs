using Microsoft.Extensions.Logging;

namespace GtmBot.Host;

/// <summary>Log lines of the host (event ids 100–699; delivery and scheduling are in <see cref="Delivery.DeliveryLog"/>, 700–799).</summary>
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
}

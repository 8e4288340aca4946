using System.Globalization;
using GtmBot.Engine.Ports;

namespace GtmBot.Host;

/// <summary>
/// A burst larger than the store's write queue: the request is answered 503 with <c>Retry-After</c> (Slack and the Bot
/// Connector retry), never queued without bound and never acknowledged without being stored.
/// </summary>
public static partial class StorageBusyResponse
{
    public static IApplicationBuilder UseStorageBusyResponse(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (StorageBusyException e) when (!http.Response.HasStarted)
        {
            Log.Busy(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Host.Busy"), http.Request.Path.Value ?? string.Empty, e.MaxPending);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = Math.Ceiling(e.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsync(e.Message, http.RequestAborted);
        }
    });

    private static partial class Log
    {
        [LoggerMessage(EventId = 8110, Level = LogLevel.Warning, Message = "{Path} answered 503: {MaxPending} writes already waiting")]
        public static partial void Busy(ILogger logger, string path, int maxPending);
    }
}

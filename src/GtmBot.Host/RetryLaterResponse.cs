using System.Globalization;
using GtmBot.Engine.Ports;

namespace GtmBot.Host;

/// <summary>
/// A request our side cannot serve just now (<see cref="RetryLaterException"/>: a burst larger than the store's write
/// queue, Teams signing keys that cannot be fetched) is answered 503 with <c>Retry-After</c> (Slack and the Bot Connector
/// retry): never queued without bound, never acknowledged without being stored, never a 500.
/// </summary>
public static class RetryLaterResponse
{
    public static IApplicationBuilder UseRetryLaterResponse(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (RetryLaterException e) when (!http.Response.HasStarted)
        {
            Log.RetryLater(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Host.Busy"), http.Request.Path.Value ?? string.Empty, e.Message);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = Math.Ceiling(e.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsync(e.Message, http.RequestAborted);
        }
    });
}

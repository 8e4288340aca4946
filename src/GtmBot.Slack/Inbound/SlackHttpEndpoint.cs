using System.Globalization;
using System.Text;
using System.Text.Json;
using GtmBot.Slack.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// <c>POST /slack/events</c>: slash commands (form), interactivity (form field <c>payload</c>) and the Events API (JSON), as Bolt serves them.
/// Verifies the v0 signature over the raw body before parsing; missing/forged/stale → 401, malformed → 400, unknown → 200.
/// </summary>
/// <see href="https://docs.slack.dev/authentication/verifying-requests-from-slack"/>
internal static class SlackHttpEndpoint
{
    public const string Path = "/slack/events";

    /// <see href="https://docs.slack.dev/apis/events-api/#retries"/>
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    private const string JsonContentType = "application/json; charset=utf-8";

    public static async Task<IResult> HandleAsync(HttpContext http, SlackDispatcher dispatcher, IOptions<SlackOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("GtmBot.Slack.Http");
        if (http.Request.ContentLength > SlackLimits.MaxRequestBodyBytes)
        {
            Log.Malformed(logger, "body over the limit");
            return Results.Text($"The body is over the limit of {SlackLimits.MaxRequestBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Results.Text($"The body is over the limit of {SlackLimits.MaxRequestBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var check = SlackSignature.Verify(
            options.Value.SigningSecret ?? string.Empty,
            http.Request.Headers[SlackSignature.TimestampHeader],
            body,
            http.Request.Headers[SlackSignature.SignatureHeader],
            clock);
        if (check != SignatureCheck.Valid)
        {
            Log.SignatureRefused(logger, check);
            return Results.Text("Slack signature " + check.ToString().ToLowerInvariant(), statusCode: StatusCodes.Status401Unauthorized);
        }

        SlackInbound? inbound;
        try
        {
            inbound = Parse(http.Request.ContentType, body, http.Request.Headers[RetryNumHeader]);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
        {
            Log.Malformed(logger, e.GetType().Name);
            return Results.Text("Malformed Slack payload.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (inbound is null)
        {
            // ssl_check and other bodies that only need the 200.
            return Results.Ok();
        }

        SlackAck ack;
        try
        {
            ack = await dispatcher.HandleAsync(inbound, ct);
        }
        catch (FormatException e)
        {
            Log.Malformed(logger, e.Message);
            return Results.Text("Malformed Slack payload.", statusCode: StatusCodes.Status400BadRequest);
        }

        return ack switch
        {
            { Slash: { } slash } => Results.Json(slash, SlackJson.Default.SlashResponse, JsonContentType),
            { Body: { } json } => Results.Text(json.ToJsonString(), JsonContentType),
            { PlainText: { } text } => Results.Text(text, "text/plain; charset=utf-8"),
            _ => Results.Ok(),
        };
    }

    /// <summary>The raw body (the signature covers exact bytes), or null when over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > SlackLimits.MaxRequestBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Which of the three kinds the body is. Null: nothing to dispatch (ssl_check).</summary>
    internal static SlackInbound? Parse(string? contentType, byte[] body, StringValues retryNum)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (media == "application/json")
        {
            var envelope = JsonSerializer.Deserialize(body, SlackJson.Default.EventEnvelope) ?? throw new FormatException("null JSON");
            return new EventInbound(envelope, int.TryParse(retryNum, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
        }

        if (media != "application/x-www-form-urlencoded")
        {
            throw new FormatException("Unsupported content type.");
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("payload", out var payload))
        {
            var interaction = JsonSerializer.Deserialize(payload.ToString(), SlackJson.Default.InteractionPayload) ?? throw new FormatException("null payload");
            return string.IsNullOrEmpty(interaction.Type) ? throw new FormatException("payload without a type") : new InteractionInbound(interaction);
        }

        if (form.ContainsKey("ssl_check"))
        {
            // https://docs.slack.dev/interactivity/implementing-slash-commands#ssl_check
            return null;
        }

        var command = SlashCommand.FromFields(name => form.TryGetValue(name, out var v) ? v.ToString() : null) ?? throw new FormatException("Not a slash command.");
        return new SlashInbound(command);
    }
}

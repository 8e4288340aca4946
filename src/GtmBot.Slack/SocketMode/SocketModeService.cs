using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Slack.Api;
using GtmBot.Slack.Inbound;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack.SocketMode;

/// <summary>
/// Socket Mode (app token <c>xapp-…</c>): opens a WebSocket from apps.connections.open, acknowledges every envelope on the same
/// socket (with the response payload where Slack accepts one), and reconnects on <c>disconnect</c> or loss, with backoff.
/// Envelopes go through the same <see cref="SlackDispatcher"/> as HTTP. On a <c>disconnect</c> asking for a new connection
/// (<c>refresh_requested</c>, …) the next connection is opened at once while the old one keeps reading and acknowledging until
/// Slack closes it (at most <see cref="DrainTimeout"/>), so no envelope falls between the two.
/// </summary>
/// <see href="https://docs.slack.dev/apis/events-api/using-socket-mode"/>
internal sealed class SocketModeService(SlackApiClient api, SlackDispatcher dispatcher, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SocketModeService> logger) : BackgroundService
{
    /// <summary>First reconnect delay; doubled on each failure up to <see cref="MaxBackoff"/> (apps.connections.open is Tier 1).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/apps.connections.open"/>
    public static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Largest frame read; Slack's envelopes are a few KB.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    /// <summary>How long a replaced connection is kept reading after its replacement opened, if Slack does not close it first.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Connections opened so far (tests observe reconnects).</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var appToken = options.Value.AppToken;
        if (string.IsNullOrWhiteSpace(appToken))
        {
            return;
        }

        var backoff = MinBackoff;
        var draining = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ClientWebSocket? socket = null;
                try
                {
                    var url = await api.OpenConnectionAsync(appToken, stoppingToken);
                    socket = new ClientWebSocket();
                    await socket.ConnectAsync(url, stoppingToken);
                    Connections++;
                    var replace = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var run = RunConnectionAsync(socket, () => backoff = MinBackoff, replace, stoppingToken);
                    if (await Task.WhenAny(run, replace.Task) == replace.Task)
                    {
                        // Slack asked for a new connection: open it now; this one reads on until Slack closes it.
                        draining.RemoveAll(t => t.IsCompleted);
                        draining.Add(DrainAsync(socket, run));
                        socket = null;
                        continue;
                    }

                    if (await run)
                    {
                        continue;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is WebSocketException or SlackApiException or HttpRequestException or IOException or OperationCanceledException)
                {
                    var wait = e is SlackApiException { RetryAfter: { } ra } && ra > backoff ? ra : backoff;
                    Log.SocketReconnect(logger, e, wait.TotalSeconds);
                    await Task.Delay(wait, clock, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    continue;
                }
                finally
                {
                    socket?.Dispose();
                }

                Log.SocketReconnect(logger, new WebSocketException("closed"), backoff.TotalSeconds);
                await Task.Delay(backoff, clock, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
        finally
        {
            await Task.WhenAll(draining);
        }
    }

    /// <summary>Lets a replaced connection finish: it reads (and acknowledges) until closed, then is disposed.</summary>
    private async Task DrainAsync(ClientWebSocket socket, Task<bool> run)
    {
        try
        {
            await run.WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            await CloseQuietlyAsync(socket);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            Log.SocketReconnect(logger, e, 0);
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>
    /// Reads frames until the socket closes. True when Slack asked for a reconnect; <paramref name="replace"/> is set as soon as
    /// it asks, so the next connection can open while this one is still read.
    /// </summary>
    private async Task<bool> RunConnectionAsync(ClientWebSocket socket, Action onHello, TaskCompletionSource replace, CancellationToken ct)
    {
        using var sendLock = new SemaphoreSlim(1, 1);
        var inFlight = new List<Task>();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var text = await ReceiveAsync(socket, ct);
                if (text is null)
                {
                    return replace.Task.IsCompleted;
                }

                SocketFrame? frame;
                try
                {
                    frame = JsonSerializer.Deserialize(text, SlackJson.Default.SocketFrame);
                }
                catch (JsonException e)
                {
                    Log.SocketMalformed(logger, e);
                    continue;
                }

                switch (frame?.Type)
                {
                    case "hello":
                        Log.SocketHello(logger, frame.NumConnections ?? 1);
                        onHello();
                        break;
                    case "disconnect":
                        Log.SocketDisconnect(logger, frame.Reason ?? "unknown");
                        if (frame.Reason == "warning")
                        {
                            break; // the real disconnect follows in ~10 s
                        }

                        if (frame.Reason == "link_disabled")
                        {
                            await Task.WhenAll(inFlight);
                            await CloseQuietlyAsync(socket);
                            return false;
                        }

                        replace.TrySetResult();
                        break;
                    case not null when !string.IsNullOrEmpty(frame.EnvelopeId):
                        inFlight.RemoveAll(t => t.IsCompleted);
                        inFlight.Add(HandleEnvelopeAsync(socket, sendLock, frame, ct));
                        break;
                    default:
                        Log.Unhandled(logger, "socket frame", frame?.Type ?? "(none)");
                        break;
                }
            }

            return replace.Task.IsCompleted;
        }
        finally
        {
            await Task.WhenAll(inFlight);
        }
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, SemaphoreSlim sendLock, SocketFrame frame, CancellationToken ct)
    {
        JsonObject? payload = null;
        try
        {
            var inbound = ToInbound(frame);
            if (inbound is not null)
            {
                var ack = await dispatcher.HandleAsync(inbound, ct);
                payload = frame.AcceptsResponsePayload == true || frame.Type == "interactive" ? ack.BodyNode() : null;
            }
            else
            {
                Log.Unhandled(logger, "envelope", frame.Type!);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Still acknowledged: a retry would fail the same way.
            Log.EnvelopeFailed(logger, e, frame.EnvelopeId!);
        }

        var ackJson = new JsonObject { ["envelope_id"] = frame.EnvelopeId };
        if (payload is not null)
        {
            ackJson["payload"] = payload;
        }

        await sendLock.WaitAsync(ct);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(ackJson.ToJsonString()), WebSocketMessageType.Text, true, ct);
            }
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>The envelope's payload is exactly what HTTP would carry: the same inbound shapes.</summary>
    internal static SlackInbound? ToInbound(SocketFrame frame)
    {
        if (frame.Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            return null;
        }

        return frame.Type switch
        {
            "events_api" => new EventInbound(payload.Deserialize(SlackJson.Default.EventEnvelope)!, frame.RetryAttempt),
            "interactive" => new InteractionInbound(payload.Deserialize(SlackJson.Default.InteractionPayload)!),
            "slash_commands" => SlashCommand.FromFields(name => payload.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null) is { } c
                ? new SlashInbound(c)
                : null,
            _ => null,
        };
    }

    private static async Task<string?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes)
            {
                throw new WebSocketException("Frame over the limit.");
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnect", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The peer is gone already; the socket is disposed right after.
            }
        }
    }
}

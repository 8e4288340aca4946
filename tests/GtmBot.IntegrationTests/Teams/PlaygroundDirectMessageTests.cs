using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>
/// A direct message through the real host's outbox to the real Microsoft 365 Agents Playground (telemetry off, loopback):
/// the person @mentions the bot in the team's channel, then a message to them is enqueued; the Playground's connector creates
/// (finds) their personal chat for <c>POST /v3/conversations</c> with <c>isGroup:false</c>, and the card arrives there once.
/// </summary>
public sealed class PlaygroundDirectMessageTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly GtmHostFactory _host = new(new Dictionary<string, string?>
    {
        ["GtmBot:Teams:DangerouslyAllowUnauthenticatedLoopback"] = "true",
        ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.100",
    });

    private readonly ConcurrentQueue<JsonNode> _frames = new();
    private readonly CancellationTokenSource _stop = new();
    private Process? _playground;
    private string _work = string.Empty;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_playground is { HasExited: false })
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }

        _playground?.Dispose();
        _stop.Dispose();
        await _host.DisposeAsync();
        if (_work.Length > 0)
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the Playground as the README does (no browser, no telemetry) against the in-process host; returns its root.</summary>
    private async Task<Uri> StartPlaygroundAsync(string nodeModules, Uri bot)
    {
        var port = FreePort();
        _work = Directory.CreateTempSubdirectory("gtmbot-pg-dm-").FullName;
        var psi = new ProcessStartInfo(Path.Combine(nodeModules, ".bin", "agentsplayground"))
        {
            WorkingDirectory = _work, // it writes ./devTools here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "start", "-e", new Uri(bot, "api/messages").ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry", "--conversation-id", "personal-dm-e2e",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        psi.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        _playground = Process.Start(psi)!;
        var log = new StringBuilder();
        var listening = new TaskCompletionSource();
        _playground.OutputDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("Listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        _playground.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();
        var started = await Task.WhenAny(listening.Task, Task.Delay(Limit));
        Assert.True(started == listening.Task, "the Playground did not start: " + log);
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private async Task ListenAsync(Uri playground)
    {
        var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri($"ws://{playground.Authority}/_ws_conversation/v1/conversations/stream"), _stop.Token);
        _ = Task.Run(async () =>
        {
            using (ws)
            {
                var buffer = new byte[256 * 1024];
                using var message = new MemoryStream();
                while (!_stop.IsCancellationRequested)
                {
                    var r = await ws.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, r.Count);
                    if (r.EndOfMessage)
                    {
                        _frames.Enqueue(JsonNode.Parse(message.ToArray())!);
                        message.SetLength(0);
                    }
                }
            }
        });
    }

    private IReadOnlyList<JsonNode> BotMessagesIn(string conversation, string containing) =>
        [.. _frames.Where(f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == conversation
            && f["message"]?["attachments"]?.ToJsonString().Contains(containing, StringComparison.Ordinal) == true)];

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = Environment.TickCount64 + (long)Limit.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        Assert.Fail("timed out waiting for " + what);
        return null!;
    }

    [Fact]
    public async Task A_direct_message_arrives_once_in_the_persons_personal_chat_in_the_playground()
    {
        var nodeModules = TestEnvironment.E2eNodeModules(TeamsManifestTests.RepoRoot());
        _host.UseKestrel(0);
        _host.StartServer();
        var playground = await StartPlaygroundAsync(nodeModules, _host.ClientOptions.BaseAddress);
        using var http = new HttpClient { BaseAddress = playground };
        var config = (await http.GetFromJsonAsync<JsonNode>(new Uri("_internal/v1/config", UriKind.Relative)))!["config"]!;
        var tenant = (string)config["tenantId"]!;
        var me = config["currentUser"]!;
        var bot = config["bot"]!;
        var personal = (string)config["personalChat"]!["id"]!;
        var general = (string)config["teams"]![0]!["channels"]![0]!["id"]!;
        await ListenAsync(playground);

        // The person speaks in the channel first: the bot learns the tenant, the service URL and their Teams user id.
        var at = $"<at>{bot["name"]}</at>";
        using var post = await http.PostAsJsonAsync(
            new Uri($"_conversation/v1/conversations/{Uri.EscapeDataString(general)}/messages", UriKind.Relative),
            new JsonObject
            {
                ["from"] = new JsonObject { ["id"] = (string)me["id"]! },
                ["text"] = at + " help",
                ["textFormat"] = "plain",
                ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = (string)bot["id"]! }, ["text"] = at }),
            });
        post.EnsureSuccessStatusCode();
        var person = ConversationKey.Direct(Platforms.Teams, tenant, (string)me["aadObjectId"]!);
        var references = _host.Services.GetRequiredService<IConversationReferenceStore>();
        await EventuallyAsync(() => references.GetAsync(person, CancellationToken.None), "the person's reference");

        var dm = new OutboundMessage(person, new Reply([new TextBlock("Planned for Q3: scheduled backup — your quotes from Acme")], "Planned for Q3: scheduled backup"), "need:1:planned:" + person.DirectUser);
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(dm, CancellationToken.None);
        await outbox.EnqueueAsync(dm, CancellationToken.None);
        var status = _host.Services.GetRequiredService<IDeliveryStatus>();
        var state = await EventuallyAsync(
            async () => await status.StateAsync(person, dm.IdempotencyKey!, CancellationToken.None) is { State: not DeliveryState.Pending } s ? s : null,
            "the delivery");

        Assert.True(state.State == DeliveryState.Delivered, state.LastError);
        // The chat the Playground's connector created (found) for the person is remembered for the next message.
        Assert.Contains($"\"conversationId\":\"{personal}\"", await references.GetAsync(person, CancellationToken.None), StringComparison.Ordinal);
        await EventuallyAsync(() => Task.FromResult(BotMessagesIn(personal, "scheduled backup") is { Count: > 0 } m ? m : null), "the card in the personal chat");
        await Task.Delay(1000);
        Assert.Single(BotMessagesIn(personal, "scheduled backup"));
        Assert.DoesNotContain(_frames, f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] != personal
            && f["message"]?["attachments"]?.ToJsonString().Contains("scheduled backup", StringComparison.Ordinal) == true);
    }
}

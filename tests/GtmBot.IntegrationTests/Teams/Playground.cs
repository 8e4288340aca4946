using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>
/// The real Microsoft 365 Agents Playground as a child process against a bot URL, started as the README says (no browser,
/// telemetry off, loopback only), with its conversation stream recorded and its own HTTP API to post messages and press
/// card buttons as the person it simulates.
/// </summary>
internal sealed class Playground : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private Process? _process;
    private string _work = string.Empty;

    private Playground()
    {
    }

    public Uri Root { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Every frame of the Playground's conversation stream (createMessage, updateMessage, …), in order.</summary>
    public ConcurrentQueue<JsonNode> Frames { get; } = new();

    /// <summary>The Playground's configuration: tenant, current user, bot, personal chat, teams and channels.</summary>
    public JsonNode Config { get; private set; } = null!;

    public JsonNode Me => Config["currentUser"]!;

    public JsonNode Bot => Config["bot"]!;

    public string Tenant => (string)Config["tenantId"]!;

    public string PersonalChat => (string)Config["personalChat"]!["id"]!;

    public string General => (string)Config["teams"]![0]!["channels"]![0]!["id"]!;

    /// <summary>Starts the Playground for <paramref name="bot"/> (the bot's root URL) and listens to its conversation stream.</summary>
    public static async Task<Playground> StartAsync(string nodeModules, Uri bot, string conversationId)
    {
        var pg = new Playground();
        var port = FreePort();
        pg._work = Directory.CreateTempSubdirectory("gtmbot-pg-").FullName;
        var psi = new ProcessStartInfo(Path.Combine(nodeModules, ".bin", "agentsplayground"))
        {
            WorkingDirectory = pg._work, // it writes ./devTools here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "start", "-e", new Uri(bot, "api/messages").ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry", "--conversation-id", conversationId,
        })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        psi.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        pg._process = Process.Start(psi)!;
        var log = new StringBuilder();
        var listening = new TaskCompletionSource();
        pg._process.OutputDataReceived += (_, e) =>
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
        pg._process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        pg._process.BeginOutputReadLine();
        pg._process.BeginErrorReadLine();
        var started = await Task.WhenAny(listening.Task, Task.Delay(Limit));
        Assert.True(started == listening.Task, "the Playground did not start: " + log);
        pg.Root = new Uri($"http://127.0.0.1:{port}/");
        pg.Http = new HttpClient { BaseAddress = pg.Root };
        pg.Config = (await pg.Http.GetFromJsonAsync<JsonNode>(new Uri("_internal/v1/config", UriKind.Relative)))!["config"]!;
        await pg.ListenAsync();
        return pg;
    }

    /// <summary>The current user posts in a channel @mentioning the bot; returns the new post's thread conversation id.</summary>
    public async Task<string?> MentionAsync(string conversation, string text)
    {
        var at = $"<at>{Bot["name"]}</at>";
        using var post = await Http.PostAsJsonAsync(
            new Uri($"_conversation/v1/conversations/{Uri.EscapeDataString(conversation)}/messages", UriKind.Relative),
            new JsonObject
            {
                ["from"] = new JsonObject { ["id"] = (string)Me["id"]! },
                ["text"] = at + " " + text,
                ["textFormat"] = "plain",
                ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = (string)Bot["id"]! }, ["text"] = at }),
            });
        post.EnsureSuccessStatusCode();
        return (string?)(await post.Content.ReadFromJsonAsync<JsonNode>())?["postConversationId"];
    }

    /// <summary>The current user presses an Action.Execute button of a card the stream showed; returns the invoke's answer.</summary>
    public async Task<JsonNode?> PressAsync(JsonNode frame, JsonNode button)
    {
        var conversation = (string)frame["actionConversationId"]!;
        var messageId = (string?)frame["message"]?["messageId"];

        // A thread's conversation id is "<channel>;messageid=<root>"; a new thread's root message is the card itself.
        var thread = conversation.Contains(";messageid=", StringComparison.Ordinal) ? conversation : $"{conversation};messageid={messageId}";
        using var response = await Http.PostAsJsonAsync(new Uri("_conversation/v1/invoke", UriKind.Relative), new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = (string)Me["id"]! },
            ["conversation"] = new JsonObject { ["id"] = thread },
            ["replyToId"] = messageId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)button["verb"], ["data"] = button["data"]?.DeepClone() },
                ["trigger"] = "manual",
            },
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonNode>();
    }

    /// <summary>Frames that show a bot card (created or updated) whose JSON contains <paramref name="text"/>.</summary>
    public IReadOnlyList<JsonNode> CardFrames(string text, string? conversation = null) =>
        [.. Frames.Where(f => (string?)f["action"] is "createMessage" or "updateMessage"
            && (conversation is null || (string?)f["actionConversationId"] == conversation)
            && f["message"]?["attachments"]?.ToJsonString(Readable).Contains(text, StringComparison.Ordinal) == true)];

    /// <summary>The Action.Execute buttons of the card a frame shows.</summary>
    public static IReadOnlyList<JsonNode> Buttons(JsonNode frame) => [.. Nodes(frame["message"]?["attachments"]).Where(n => (string?)n["type"] == "Action.Execute")];

    /// <summary>Every object in <paramref name="root"/>, depth first.</summary>
    public static IEnumerable<JsonObject> Nodes(JsonNode? root)
    {
        var stack = new Stack<JsonNode?>([root]);
        while (stack.TryPop(out var node))
        {
            if (node is JsonObject o)
            {
                yield return o;
                foreach (var (_, child) in o)
                {
                    stack.Push(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    stack.Push(child);
                }
            }
        }
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
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

    public static Task<T> EventuallyAsync<T>(Func<T?> probe, string what)
        where T : class => EventuallyAsync(() => Task.FromResult(probe()), what);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http?.Dispose();
        _stop.Dispose();
        if (_work.Length > 0)
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task ListenAsync()
    {
        var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri($"ws://{Root.Authority}/_ws_conversation/v1/conversations/stream"), _stop.Token);
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
                        Frames.Enqueue(JsonNode.Parse(message.ToArray())!);
                        message.SetLength(0);
                    }
                }
            }
        });
    }
}

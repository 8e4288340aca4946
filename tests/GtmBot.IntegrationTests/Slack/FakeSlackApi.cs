using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>One request the fake Slack received.</summary>
public sealed record RecordedCall(string Method, string? Authorization, string Body)
{
    public JsonNode? Json => Body.StartsWith('{') ? JsonNode.Parse(Body) : null;

    public string? Form(string key) => QueryHelpers.ParseQuery(Body).TryGetValue(key, out var v) ? v.ToString() : null;
}

/// <summary>
/// A loopback fake of the Slack Web API (<c>/api/{method}</c>), of response_url (<c>/response/{name}</c>) and of the
/// Socket Mode WebSocket (<c>/socket</c>), recording every call. Responses can be scripted per method (e.g. a 429 first).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, int? RetryAfter)>> _scripted = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _stalls = new();
    private int _ts;

    private FakeSlackApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>Messages posted with chat.postMessage, per channel, in order (what conversations.history with metadata returns).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> Posted { get; } = new();

    /// <summary>While set, every Web API call answers 503 and changes nothing (an outage).</summary>
    public volatile bool Down;

    /// <summary>Methods whose next call is carried out and then has its connection cut before the answer (reply lost).</summary>
    public ConcurrentDictionary<string, int> LoseReplies { get; } = new();

    /// <summary>People conversations.open refuses, with the error Slack answers for them (e.g. <c>user_not_found</c>).</summary>
    public ConcurrentDictionary<string, string> DirectRefusals { get; } = new();

    /// <summary>The IM channel conversations.open answers for a person (the same one every time, as Slack does).</summary>
    public static string DirectChannelOf(string user) => "D" + user;

    /// <summary>The messages in a channel (top level and replies).</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channel) => Posted.TryGetValue(channel, out var q) ? [.. q] : [];
    /// <summary>Files POSTed to the upload URLs that files.getUploadURLExternal handed out, by file id.</summary>
    public ConcurrentDictionary<string, (string FileName, byte[] Content)> Uploads { get; } = new();

    /// <summary>What the Socket Mode server does with each connection (the connection index is 0-based).</summary>
    public Func<WebSocket, int, Task>? SocketScript { get; set; }

    public int SocketConnections;

    public string Root { get; private set; } = string.Empty;

    public string ApiBaseUrl => Root + "/api/";

    public string ResponseUrl(string name) => $"{Root}/response/{name}";

    /// <summary>A fixture with Slack's response_url host pointed at this fake (tests never leave loopback).</summary>
    public string Loopback(string fixtureText) => fixtureText.Replace("https://hooks.slack.com/", Root + "/response/", StringComparison.Ordinal).Replace("https:\\/\\/hooks.slack.com\\/", Root + "/response/", StringComparison.Ordinal);

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.UseWebSockets();
        app.Map("/socket", fake.SocketAsync);
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.MapPost("/response/{**name}", fake.ResponseAsync);
        app.MapPost("/upload/{fileId}", fake.UploadAsync).DisableAntiforgery();
        await app.StartAsync();
        fake.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>Every call of <paramref name="method"/> is answered only after <paramref name="delay"/> (a stalling API).</summary>
    public void Stall(string method, TimeSpan delay) => _stalls[method] = delay;

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the default.</summary>
    public void Script(string method, int status, string body, int? retryAfter = null) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue((status, body, retryAfter));

    public IReadOnlyList<RecordedCall> Of(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Waits until <paramref name="count"/> calls of the method arrived (follow-ups run after the ack).</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForAsync(string method, int count = 1, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            var calls = Of(method);
            if (calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Expected {count} call(s) of {method}; got {Of(method).Count}. Calls: {string.Join(", ", Calls.Select(c => c.Method))}");
        return [];
    }

    private async Task ApiAsync(HttpContext http, string method)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        Calls.Enqueue(new RecordedCall(method, http.Request.Headers.Authorization, body));
        if (Down)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (LoseReplies.TryGetValue(method, out var lose) && lose > 0 && LoseReplies.TryUpdate(method, lose - 1, lose))
        {
            _ = Default(method, body);
            http.Abort();
            return;
        }

        if (_stalls.TryGetValue(method, out var stall))
        {
            await Task.Delay(stall, http.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (method == "conversations.open" && QueryHelpers.ParseQuery(body).TryGetValue("users", out var who) && DirectRefusals.TryGetValue(who.ToString(), out var refusal))
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject { ["ok"] = false, ["error"] = refusal }.ToJsonString());
            return;
        }

        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var s))
        {
            http.Response.StatusCode = s.Status;
            if (s.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = s.RetryAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(s.Body);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Default(method, body));
    }

    private string Default(string method, string body)
    {
        var ts = $"1700000000.{Interlocked.Increment(ref _ts):000000}";
        var history = method is "conversations.history" or "conversations.replies" && QueryHelpers.ParseQuery(body).TryGetValue("include_all_metadata", out var all) && all == "true";
        return method switch
        {
            "chat.postMessage" => Store(body, ts),
            "conversations.history" or "conversations.replies" when history => History(QueryHelpers.ParseQuery(body)),
            "conversations.open" => OpenDirect(QueryHelpers.ParseQuery(body)),
            "chat.postEphemeral" => $$"""{"ok":true,"message_ts":"{{ts}}"}""",
            "views.open" or "views.update" => """{"ok":true,"view":{"id":"V1"}}""",
            "users.info" => """{"ok":true,"user":{"id":"U1","name":"ana","real_name":"Ana Li","tz":"Asia/Shanghai","locale":"en-US","profile":{"display_name":"Ana"}}}""",
            "chat.getPermalink" => """{"ok":true,"channel":"C1","permalink":"https://acme.slack.com/archives/C1/p1512085950000216"}""",
            "conversations.history" => HistoryAnswer,
            "oauth.v2.access" => OAuthAnswer,
            "files.getUploadURLExternal" => $$"""{"ok":true,"upload_url":"{{Root}}/upload/F{{_ts}}","file_id":"F{{_ts}}"}""",
            "files.completeUploadExternal" => """{"ok":true,"files":[{"id":"F1","title":"export"}]}""",
            "conversations.canvases.create" => """{"ok":true,"canvas_id":"F1234ABCD"}""",
            "auth.test" => """{"ok":true,"bot_id":"B1","user_id":"U0KRQLJ9H"}""",
            "apps.connections.open" => $$"""{"ok":true,"url":"{{Root.Replace("http://", "ws://", StringComparison.Ordinal)}}/socket?ticket={{ts}}"}""",
            _ => """{"ok":true}""",
        };
    }

    /// <summary>The message a reaction points at, as conversations.history answers (shape per its docs page).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.history"/>
    public const string HistoryAnswer = """
        {"ok":true,"latest":"1512085950.000216","messages":[{"type":"message","user":"U0CUSTOMR","text":"We would pay for this if it exported to CSV every week","ts":"1512085950.000216"}],"has_more":false}
        """;

    /// <summary>A bot installation, as oauth.v2.access answers (shape per its docs page).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/oauth.v2.access"/>
    public const string OAuthAnswer = """
        {"ok":true,"access_token":"xoxb-0000000001-0000000002-fakeInstallTokenGtm","token_type":"bot","scope":"commands,chat:write","bot_user_id":"U0GTMBOT1","app_id":"A0GTMAPP1",
         "team":{"name":"GtmBot Test Team","id":"T0GTMTEAM"},"enterprise":{"name":"gtmbot-test-grid","id":"E0GTMGRID"},
         "authed_user":{"id":"U0ANA","scope":"chat:write","access_token":"xoxp-fake","token_type":"user"}}
        """;

    private string Store(string body, string ts)
    {
        var args = JsonNode.Parse(body)!.AsObject();
        var channel = (string?)args["channel"] ?? "C1";
        var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = (string?)args["text"], ["thread_ts"] = (string?)args["thread_ts"] };
        if (args["metadata"] is JsonObject metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        Posted.GetOrAdd(channel, _ => new()).Enqueue(message);
        return $$"""{"ok":true,"channel":"{{channel}}","ts":"{{ts}}"}""";
    }

    /// <summary>The IM with one person (shape per conversations.open's docs page).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.open"/>
    private static string OpenDirect(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var users = form.TryGetValue("users", out var u) ? u.ToString() : string.Empty;
        return users.Length == 0 || users.Contains(',', StringComparison.Ordinal)
            ? """{"ok":false,"error":"users_list_not_supplied"}"""
            : new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DirectChannelOf(users) } }.ToJsonString();
    }

    /// <summary>Newest first, as Slack answers; metadata only with include_all_metadata (always set here).</summary>
    private string History(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var thread = form.TryGetValue("ts", out var t) ? t.ToString() : null;
        var limit = form.TryGetValue("limit", out var l) && int.TryParse(l, out var n) ? n : 100;
        var messages = MessagesIn(form["channel"].ToString())
            .Where(m => thread is null ? (string?)m["thread_ts"] is null : (string?)m["thread_ts"] == thread)
            .Reverse()
            .Take(limit)
            .Select(m => m.DeepClone());
        return new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. messages]) }.ToJsonString();
    }

    /// <summary>The upload step of Slack's external upload flow: the file as a multipart field (or the raw body).</summary>
    private async Task UploadAsync(HttpContext http, string fileId)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            var file = form.Files["file"]!;
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms);
            Uploads[fileId] = (file.FileName, ms.ToArray());
        }
        else
        {
            using var ms = new MemoryStream();
            await http.Request.Body.CopyToAsync(ms);
            Uploads[fileId] = (string.Empty, ms.ToArray());
        }

        Calls.Enqueue(new RecordedCall("upload:" + fileId, null, string.Empty));
        await http.Response.WriteAsync("OK");
    }

    private async Task ResponseAsync(HttpContext http, string name)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        Calls.Enqueue(new RecordedCall("response_url:" + name, null, body));
        await http.Response.WriteAsync("ok");
    }

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var index = Interlocked.Increment(ref SocketConnections) - 1;
        if (SocketScript is not null)
        {
            await SocketScript(socket, index);
        }
    }

    /// <summary>Sends one text frame.</summary>
    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads one text frame (null when closed).</summary>
    public static async Task<string?> ReceiveAsync(WebSocket socket, int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        while (true)
        {
            var r = await socket.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            ms.Write(buffer, 0, r.Count);
            if (r.EndOfMessage)
            {
                return Encoding.UTF8.GetString(ms.ToArray());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

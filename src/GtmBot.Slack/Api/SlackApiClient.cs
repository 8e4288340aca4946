using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack.Api;

/// <summary>
/// A thin typed client of the Slack Web API. Every method checks <c>ok</c> (<see cref="SlackApiException"/>), honours a 429's
/// Retry-After with a bounded number of retries, and re-sends after a 5xx or timeout only when the call is idempotent.
/// </summary>
/// <see href="https://docs.slack.dev/apis/web-api/"/>
internal sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackApiClient> logger)
{
    /// <summary>Attempts per call, the first included.</summary>
    public const int MaxAttempts = 3;

    /// <summary>A Retry-After above this is not waited out in place: the caller gets the error and reschedules.</summary>
    public static readonly TimeSpan MaxInlineRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Retry-After when a 429 has none.</summary>
    /// <see href="https://docs.slack.dev/apis/web-api/rate-limits"/>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private Uri Base => new(options.Value.ApiBaseUrl);

    /// <summary>The <c>event_type</c> of the metadata that tags a post with its outbox row.</summary>
    /// <see href="https://docs.slack.dev/messaging/message-metadata"/>
    public const string OutboxEventType = "gtmbot_outbox";

    /// <summary>Messages of a channel (or thread) read back at most when looking for an earlier copy of an outbox post.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.history#arg_limit"/>
    public const int ReconcileWindow = 200;

    /// <param name="outbox">Tags the message with its outbox row and part (message metadata), so it can be found again.</param>
    /// <see href="https://docs.slack.dev/reference/methods/chat.postMessage"/>
    public async Task<string> PostMessageAsync(string token, string channel, KitMessage message, string? threadTs, CancellationToken ct, OutboxTag? outbox = null)
    {
        var args = MessageArgs(message);
        args["channel"] = channel;
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        if (outbox is not null)
        {
            args["metadata"] = new JsonObject
            {
                ["event_type"] = OutboxEventType,
                ["event_payload"] = new JsonObject { ["id"] = outbox.Id.ToString(CultureInfo.InvariantCulture), ["part"] = outbox.Part },
            };
        }

        var result = await CallAsync("chat.postMessage", token, args, idempotent: false, ct);
        return result.TryGetProperty("ts", out var ts) && ts.GetString() is { } value ? value : throw new SlackApiException("chat.postMessage", "no_ts");
    }

    /// <summary>
    /// Opens (or finds) the bot's direct-message channel with one person and returns its id. Slack answers the same IM for
    /// the same person every time, so the call is safe to repeat.
    /// </summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.open"/>
    public async Task<string> OpenDirectAsync(string token, string user, CancellationToken ct)
    {
        var result = await CallAsync("conversations.open", token, new JsonObject { ["users"] = user }, idempotent: true, ct, form: true);
        return result.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } channel
            ? channel
            : throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <see href="https://docs.slack.dev/reference/methods/chat.update"/>
    public async Task UpdateAsync(string token, string channel, string ts, KitMessage message, CancellationToken ct)
    {
        var args = MessageArgs(message);
        args["channel"] = channel;
        args["ts"] = ts;
        await CallAsync("chat.update", token, args, idempotent: true, ct);
    }

    /// <see href="https://docs.slack.dev/reference/methods/chat.postEphemeral"/>
    public async Task PostEphemeralAsync(string token, string channel, string user, KitMessage message, string? threadTs, CancellationToken ct)
    {
        var args = MessageArgs(message);
        args["channel"] = channel;
        args["user"] = user;
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        await CallAsync("chat.postEphemeral", token, args, idempotent: false, ct);
    }

    /// <see href="https://docs.slack.dev/reference/methods/views.open"/>
    public async Task<string?> OpenViewAsync(string token, string triggerId, KitView view, CancellationToken ct)
    {
        var args = new JsonObject { ["trigger_id"] = triggerId, ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Default.KitView) };
        var result = await CallAsync("views.open", token, args, idempotent: false, ct);
        return result.TryGetProperty("view", out var v) && v.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    /// <see href="https://docs.slack.dev/reference/methods/views.update"/>
    public async Task UpdateViewAsync(string token, string viewId, KitView view, string? hash, CancellationToken ct)
    {
        var args = new JsonObject { ["view_id"] = viewId, ["view"] = JsonSerializer.SerializeToNode(view, SlackJson.Default.KitView) };
        if (hash is not null)
        {
            args["hash"] = hash;
        }

        await CallAsync("views.update", token, args, idempotent: true, ct);
    }

    /// <see href="https://docs.slack.dev/reference/methods/pins.add"/>
    public async Task PinAsync(string token, string channel, string ts, CancellationToken ct)
    {
        try
        {
            await CallAsync("pins.add", token, new JsonObject { ["channel"] = channel, ["timestamp"] = ts }, idempotent: true, ct);
        }
        catch (SlackApiException e) when (e.Error == "already_pinned")
        {
            // The goal is reached.
        }
    }

    /// <see href="https://docs.slack.dev/reference/methods/chat.getPermalink"/>
    public async Task<string?> GetPermalinkAsync(string token, string channel, string ts, CancellationToken ct)
    {
        var result = await CallAsync("chat.getPermalink", token, new JsonObject { ["channel"] = channel, ["message_ts"] = ts }, idempotent: true, ct, form: true);
        return result.TryGetProperty("permalink", out var p) ? p.GetString() : null;
    }

    /// <summary>The user's display name, locale and time zone.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/users.info"/>
    public async Task<SlackUserInfo> GetUserAsync(string token, string user, CancellationToken ct)
    {
        var result = await CallAsync("users.info", token, new JsonObject { ["user"] = user, ["include_locale"] = "true" }, idempotent: true, ct, form: true);
        var u = result.GetProperty("user");
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var profile = u.TryGetProperty("profile", out var pr) ? pr : default;
        var display = profile.ValueKind == JsonValueKind.Object ? Str(profile, "display_name") is { Length: > 0 } d ? d : Str(profile, "real_name") : null;
        return new SlackUserInfo(display ?? Str(u, "real_name") ?? Str(u, "name"), Str(u, "locale"), Str(u, "tz"));
    }

    /// <summary>True when the user is a workspace admin, owner or primary owner.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/users.info"/>
    public async Task<bool> IsAdminAsync(string token, string user, CancellationToken ct)
    {
        var result = await CallAsync("users.info", token, new JsonObject { ["user"] = user }, idempotent: true, ct, form: true);
        var u = result.GetProperty("user");
        bool Flag(string name) => u.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;
        return Flag("is_admin") || Flag("is_owner") || Flag("is_primary_owner");
    }

    /// <summary>
    /// Uploads a file into a channel with Slack's current flow: <c>files.getUploadURLExternal</c> (name and length), a POST of
    /// the bytes to the returned URL, then <c>files.completeUploadExternal</c> with the channel, which shares it there.
    /// Returns the file id.
    /// </summary>
    /// <see href="https://docs.slack.dev/messaging/working-with-files#uploading_files"/>
    /// <see href="https://docs.slack.dev/reference/methods/files.getUploadURLExternal"/>
    /// <see href="https://docs.slack.dev/reference/methods/files.completeUploadExternal"/>
    public async Task<string> UploadFileAsync(string token, string channel, string fileName, string title, byte[] content, string? comment, CancellationToken ct)
    {
        var args = new JsonObject { ["filename"] = fileName, ["length"] = content.Length.ToString(CultureInfo.InvariantCulture) };
        var ticket = await CallAsync("files.getUploadURLExternal", token, args, idempotent: true, ct, form: true);
        var uploadUrl = ticket.TryGetProperty("upload_url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var url) ? url : throw new SlackApiException("files.getUploadURLExternal", "no_upload_url");
        var fileId = ticket.TryGetProperty("file_id", out var f) && f.GetString() is { } id ? id : throw new SlackApiException("files.getUploadURLExternal", "no_file_id");

        using (var upload = new MultipartFormDataContent())
        {
            var bytes = new ByteArrayContent(content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            upload.Add(bytes, "file", fileName);
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(uploadUrl, upload, ct);
            }
            catch (HttpRequestException e)
            {
                // Nothing is shared before completeUploadExternal: a failed upload can be repeated from the start.
                throw new SlackApiException("files.upload", "transport_error", inner: e);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new SlackApiException("files.upload", $"http_{(int)response.StatusCode}", RetryAfterOf(response));
                }
            }
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }).ToJsonString(),
            ["channel_id"] = channel,
        };
        if (comment is not null)
        {
            complete["initial_comment"] = comment;
        }

        await CallAsync("files.completeUploadExternal", token, complete, idempotent: false, ct, form: true);
        return fileId;
    }

    /// <summary>One message by ts: a top-level one from history, a thread reply from replies.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.history"/>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.replies"/>
    public async Task<MessageRef?> GetMessageAsync(string token, string channel, string ts, CancellationToken ct)
    {
        var args = new JsonObject { ["channel"] = channel, ["latest"] = ts, ["inclusive"] = "true", ["limit"] = "1" };
        var history = await CallAsync("conversations.history", token, args, idempotent: true, ct, form: true);
        var found = FindMessage(history, ts);
        if (found is not null)
        {
            return found;
        }

        var replies = await CallAsync("conversations.replies", token, new JsonObject { ["channel"] = channel, ["ts"] = ts, ["latest"] = ts, ["inclusive"] = "true", ["limit"] = "1" }, idempotent: true, ct, form: true);
        return FindMessage(replies, ts);
    }

    /// <summary>
    /// The parts of an outbox row already posted (part → ts), found by their metadata among the channel's (or thread's)
    /// messages since <paramref name="since"/>, at most <see cref="ReconcileWindow"/> of them.
    /// </summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.history#arg_include_all_metadata"/>
    public async Task<IReadOnlyDictionary<int, string>> FindOutboxPostsAsync(string token, string channel, string? threadTs, long outboxId, DateTimeOffset since, CancellationToken ct)
    {
        var args = new JsonObject
        {
            ["channel"] = channel,
            ["oldest"] = (since.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture),
            ["limit"] = ReconcileWindow.ToString(CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
        };
        if (threadTs is not null)
        {
            args["ts"] = threadTs;
        }

        var result = await CallAsync(threadTs is null ? "conversations.history" : "conversations.replies", token, args, idempotent: true, ct, form: true);
        var found = new Dictionary<int, string>();
        var id = outboxId.ToString(CultureInfo.InvariantCulture);
        if (!result.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return found;
        }

        foreach (var m in messages.EnumerateArray())
        {
            if (m.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == OutboxEventType
                && meta.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("id", out var pid) && pid.ValueKind == JsonValueKind.String && pid.GetString() == id
                && m.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String)
            {
                var part = payload.TryGetProperty("part", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n : 0;
                found.TryAdd(part, ts.GetString()!);
            }
        }

        return found;
    }

    /// <summary>The channel canvas id, when the channel has one.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.info"/>
    public async Task<string?> GetChannelCanvasAsync(string token, string channel, CancellationToken ct)
    {
        var result = await CallAsync("conversations.info", token, new JsonObject { ["channel"] = channel }, idempotent: true, ct, form: true);
        return result.TryGetProperty("channel", out var c) && c.TryGetProperty("properties", out var p) && p.TryGetProperty("canvas", out var canvas)
            && canvas.TryGetProperty("file_id", out var id) ? id.GetString() : null;
    }

    /// <see href="https://docs.slack.dev/reference/methods/conversations.canvases.create"/>
    public async Task<string> CreateChannelCanvasAsync(string token, string channel, string markdown, CancellationToken ct)
    {
        var args = new JsonObject { ["channel_id"] = channel, ["document_content"] = new JsonObject { ["type"] = "markdown", ["markdown"] = markdown } };
        var result = await CallAsync("conversations.canvases.create", token, args, idempotent: false, ct);
        return result.TryGetProperty("canvas_id", out var id) && id.GetString() is { } canvasId ? canvasId : throw new SlackApiException("conversations.canvases.create", "no_canvas_id");
    }

    /// <summary>Replaces the whole canvas (one operation per call is all canvases.edit accepts).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/canvases.edit"/>
    public async Task ReplaceCanvasAsync(string token, string canvasId, string markdown, CancellationToken ct)
    {
        var args = new JsonObject
        {
            ["canvas_id"] = canvasId,
            ["changes"] = new JsonArray(new JsonObject { ["operation"] = "replace", ["document_content"] = new JsonObject { ["type"] = "markdown", ["markdown"] = markdown } }),
        };
        await CallAsync("canvases.edit", token, args, idempotent: true, ct);
    }

    /// <summary>The Socket Mode WebSocket URL, with the app-level token.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/apps.connections.open"/>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct)
    {
        var result = await CallAsync("apps.connections.open", appToken, new JsonObject(), idempotent: true, ct, form: true);
        return result.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) ? uri : throw new SlackApiException("apps.connections.open", "no_url");
    }

    /// <summary>Exchanges an OAuth code for the workspace's bot token (client credentials as form fields).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/oauth.v2.access"/>
    public async Task<JsonElement> OAuthAccessAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct)
    {
        var args = new JsonObject { ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code };
        if (redirectUri is not null)
        {
            args["redirect_uri"] = redirectUri;
        }

        return await CallAsync("oauth.v2.access", token: null, args, idempotent: false, ct, form: true);
    }

    /// <summary>The bot id of a token (not in the OAuth answer).</summary>
    /// <see href="https://docs.slack.dev/reference/methods/auth.test"/>
    public async Task<string?> GetBotIdAsync(string token, CancellationToken ct)
    {
        var result = await CallAsync("auth.test", token, new JsonObject(), idempotent: true, ct, form: true);
        return result.TryGetProperty("bot_id", out var b) ? b.GetString() : null;
    }

    /// <summary>Posts to an interaction's response_url (JSON, no token; usable 5 times in 30 minutes).</summary>
    /// <see href="https://docs.slack.dev/interactivity/handling-user-interaction#message_responses"/>
    public async Task RespondAsync(string responseUrl, JsonObject body, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new SlackApiException("response_url", "invalid_response_url");
        }

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts && await WaitRetryAfterAsync("response_url", response, ct))
            {
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", RetryAfterOf(response), maybeDone: (int)response.StatusCode >= 500);
            }

            // response_url answers "ok" as plain text, or JSON {"ok":false,"error":…} on failure.
            if (text.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
                {
                    throw new SlackApiException("response_url", doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown" : "unknown");
                }
            }

            return;
        }
    }

    /// <summary>Calls a Web API method with a JSON (or form) body and returns the <c>ok:true</c> response.</summary>
    public async Task<JsonElement> CallAsync(string method, string? token, JsonObject args, bool idempotent, CancellationToken ct, bool form = false)
    {
        var url = new Uri(Base, method);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form ? FormContent(args) : new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json") };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // A refused connection never reached Slack: safe to send again. Anything later may have been carried out.
                var notSent = e is HttpRequestException h && NeverSent(h);
                if ((idempotent || notSent) && attempt < MaxAttempts)
                {
                    Log.ApiRetry(logger, method, attempt, "transport");
                    await Task.Delay(Backoff(attempt), clock, ct);
                    continue;
                }

                throw new SlackApiException(method, notSent ? "connection_failed" : "transport_error", maybeDone: !idempotent && !notSent, inner: e);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    if (attempt < MaxAttempts && await WaitRetryAfterAsync(method, response, ct))
                    {
                        continue;
                    }

                    throw new SlackApiException(method, "ratelimited", RetryAfterOf(response) ?? DefaultRetryAfter);
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (idempotent && attempt < MaxAttempts)
                    {
                        Log.ApiRetry(logger, method, attempt, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                        await Task.Delay(Backoff(attempt), clock, ct);
                        continue;
                    }

                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}", maybeDone: !idempotent);
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                JsonElement root;
                try
                {
                    using var doc = JsonDocument.Parse(bytes);
                    root = doc.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    throw new SlackApiException(method, $"invalid_response_http_{(int)response.StatusCode}", inner: e);
                }

                if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
                {
                    var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
                    Log.ApiError(logger, method, error);
                    throw new SlackApiException(method, error);
                }

                return root;
            }
        }
    }

    private async Task<bool> WaitRetryAfterAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var wait = RetryAfterOf(response) ?? DefaultRetryAfter;
        if (wait > MaxInlineRetryAfter)
        {
            return false;
        }

        Log.RateLimited(logger, method, wait.TotalSeconds);
        await Task.Delay(wait, clock, ct);
        return true;
    }

    /// <see href="https://docs.slack.dev/apis/web-api/rate-limits"/>
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null);

    /// <summary>Failures before any byte of the request was sent.</summary>
    internal static bool NeverSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));

    private static JsonObject MessageArgs(KitMessage message)
    {
        var node = JsonSerializer.SerializeToNode(message, SlackJson.Default.KitMessage)!.AsObject();
        return node;
    }

    private static FormUrlEncodedContent FormContent(JsonObject args) =>
        new(args.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : kv.Value?.ToJsonString() ?? string.Empty)));

    private static MessageRef? FindMessage(JsonElement result, string ts)
    {
        if (!result.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var m in messages.EnumerateArray())
        {
            var message = m.Deserialize(SlackJson.Default.MessageRef);
            if (message?.Ts == ts)
            {
                return message;
            }
        }

        return null;
    }
}

/// <summary>An outbox row's tag on a Slack post: the row and which part of a split reply.</summary>
internal sealed record OutboxTag(long Id, int Part);

/// <summary>What users.info tells about a person.</summary>
internal sealed record SlackUserInfo(string? DisplayName, string? Locale, string? TimeZone);

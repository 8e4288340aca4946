using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Storage.Stores;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Local;

/// <summary>The local channel: a page and a small JSON API that drive the same engine and storage as Slack and Teams.</summary>
public static partial class LocalChannelEndpoints
{
    /// <summary>The workspace every local channel belongs to.</summary>
    public const string Workspace = "local";

    /// <summary>Largest request body the local API reads.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IServiceCollection AddLocalChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalChannelOptions>().Bind(configuration.GetSection(LocalChannelOptions.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapLocalChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).AddEndpointFilter(LoopbackOnly);
        group.MapGet("/", Page);
        group.MapPost("/local/api/turns", PostTurn);
        group.MapGet("/local/api/channels/{channel}/messages", ListMessages);
        group.MapGet("/local/api/channels/{channel}/events", ChannelEvents);
        group.MapGet("/local/api/people/{user}/direct-messages", ListDirectMessages);
        group.MapGet("/local/api/people/{user}/direct-messages/events", DirectEvents);
        return app;
    }

    /// <summary>Host names the local channel answers to besides <see cref="LocalChannelOptions.PublicOrigin"/>'s.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["127.0.0.1", "localhost", "[::1]", "::1"];

    /// <summary>Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever the socket says.</summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP"];

    /// <summary>
    /// Who may use the local channel: loopback callers only (a request forwarded by a proxy on the same host counts as remote),
    /// addressed by a loopback or configured host name (DNS rebinding), and from the page's own origin (cross-site forgery).
    /// </summary>
    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<LocalChannelOptions>>().Value;
        var remote = http.Connection.RemoteIpAddress;
        var forwarded = !options.TrustForwardedHeaders && ForwardingHeaders.Any(h => http.Request.Headers.ContainsKey(h));
        if (!options.AllowRemote && ((remote is not null && !IPAddress.IsLoopback(remote)) || forwarded))
        {
            return Results.Problem("The local channel answers on loopback only (set GtmBot__Local__AllowRemote=true to open it).", statusCode: StatusCodes.Status403Forbidden);
        }

        var allowed = AllowedHosts(options);
        if (!allowed.Contains(http.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Problem($"The local channel does not answer to the host name '{http.Request.Host.Host}' (set GtmBot__Local__PublicOrigin to serve it under another name).", statusCode: StatusCodes.Status403Forbidden);
        }

        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !SameOrigin(origin, http.Request, allowed))
        {
            return Results.Problem("Requests from another site are refused.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private static List<string> AllowedHosts(LocalChannelOptions options)
    {
        var hosts = new List<string>(LoopbackHosts);
        if (Uri.TryCreate(options.PublicOrigin, UriKind.Absolute, out var configured))
        {
            hosts.Add(configured.Host);
        }

        return hosts;
    }

    /// <summary>The Origin names the host the request was sent to (the page's own origin), on an allowed host.</summary>
    private static bool SameOrigin(string origin, HttpRequest request, List<string> allowed) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o)
        && allowed.Contains(o.Host, StringComparer.OrdinalIgnoreCase)
        && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static IResult Page()
    {
        using var stream = typeof(LocalChannelEndpoints).Assembly.GetManifestResourceStream("GtmBot.Host.Local.page.html")!;
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> PostTurn(HttpContext http, ConversationEngine engine, LocalChannelStore channelStore, CancellationToken cancellationToken)
    {
        // A form post or text/plain is what a foreign page can send without asking: only JSON is taken.
        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem("The body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadBoundedAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem($"The request body is over the limit of {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        LocalTurnRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, LocalJson.Default.LocalTurnRequest);
        }
        catch (JsonException e)
        {
            return Results.Problem($"The body is not valid JSON for a turn: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var error = Validate(request);
        if (error is not null)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var channel = new ConversationKey(Platforms.Local, Workspace, request!.Channel!);
        TurnInput input = request.Text is not null
            ? new CommandInput(request.Text)
            : new ActionInput(request.Action!, request.Value, request.Form ?? new Dictionary<string, string?>());
        var turn = new Turn(channel, new TurnUser(request.User!, request.User), request.Locale, input, request.MessageId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // What people type is part of the channel's history, like the bot's answers: kept before the turn runs.
        var command = request.Text is null ? null : LocalReply.From(await channelStore.PostCommandAsync(channel, request.User!, request.Text, cancellationToken));
        var rendered = new List<LocalReply>();
        var replies = await engine.HandleAsync(turn, cancellationToken);
        foreach (var reply in replies)
        {
            long? id = null;
            if (reply.Visibility == ReplyVisibility.Channel)
            {
                // A card changed by its own button is replaced where it is, so the channel never keeps its old copy.
                id = reply.Placement == ReplyPlacement.ReplaceOriginal && request.MessageId is long original
                    ? await channelStore.ReplaceAsync(channel, original, reply, cancellationToken)
                    : await channelStore.PostAsync(channel, reply, cancellationToken);
            }

            rendered.Add(LocalReply.From(reply, id, author: null));
        }

        return Results.Json(new LocalTurnResponse(rendered, command), LocalJson.Default.LocalTurnResponse);
    }

    /// <summary>
    /// The body, or null when it is over <paramref name="limit"/> — declared or not (a chunked body has no length): reading
    /// stops at the limit, so memory stays bounded whatever is sent.
    /// </summary>
    internal static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<IResult> ListMessages(string channel, long? after, LocalChannelStore channelStore, CancellationToken cancellationToken)
    {
        if (ChannelError(channel) is { } error)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var messages = await channelStore.ListAsync(new ConversationKey(Platforms.Local, Workspace, channel), cancellationToken, after);
        return Results.Json(new LocalTurnResponse([.. messages.Select(LocalReply.From)]), LocalJson.Default.LocalTurnResponse);
    }

    /// <summary>One person's direct messages (outbox messages to <c>@user</c>), oldest first; <paramref name="after"/> pages on.</summary>
    private static async Task<IResult> ListDirectMessages(string user, long? after, LocalChannelStore channelStore, CancellationToken cancellationToken)
    {
        if (UserError(user) is { } error)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var messages = await channelStore.ListAsync(ConversationKey.Direct(Platforms.Local, Workspace, user), cancellationToken, after);
        return Results.Json(new LocalTurnResponse([.. messages.Select(LocalReply.From)]), LocalJson.Default.LocalTurnResponse);
    }

    /// <summary>How long a stream waits for a change in this process before it reads again (another instance may have written).</summary>
    public static readonly TimeSpan EventsRereadInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long the page waits before reconnecting a dropped stream (the <c>retry:</c> field).</summary>
    public static readonly TimeSpan EventsRetry = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The channel's messages pushed as Server-Sent Events: the latest on connect (or those after <c>after</c>), then each new
    /// message and each change of a living card or a replaced message as it is saved. Every event's id is the newest message id sent so far, so a
    /// reconnect (the browser sends <c>Last-Event-ID</c>) resumes after it: nothing lost, nothing sent twice.
    /// </summary>
    private static IResult ChannelEvents(string channel, long? after, HttpContext http, LocalChannelStore channelStore, TimeProvider clock, IHostApplicationLifetime lifetime) =>
        ChannelError(channel) is { } error
            ? Results.Problem(error, statusCode: StatusCodes.Status400BadRequest)
            : Events(new ConversationKey(Platforms.Local, Workspace, channel), after, http, channelStore, clock, lifetime);

    /// <summary>One person's direct messages as Server-Sent Events, like <see cref="ChannelEvents"/>.</summary>
    private static IResult DirectEvents(string user, long? after, HttpContext http, LocalChannelStore channelStore, TimeProvider clock, IHostApplicationLifetime lifetime) =>
        UserError(user) is { } error
            ? Results.Problem(error, statusCode: StatusCodes.Status400BadRequest)
            : Events(ConversationKey.Direct(Platforms.Local, Workspace, user), after, http, channelStore, clock, lifetime);

    private static IResult Events(ConversationKey key, long? after, HttpContext http, LocalChannelStore channelStore, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var resumed))
            {
                return Results.Problem("Last-Event-ID must be a message id (digits).", statusCode: StatusCodes.Status400BadRequest);
            }

            after = resumed;
        }

        return TypedResults.ServerSentEvents(StreamAsync(key, after, channelStore, clock, lifetime.ApplicationStopping, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        ConversationKey key, long? after, LocalChannelStore channelStore, TimeProvider clock, CancellationToken stopping, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        var cursor = after;
        var versions = new Dictionary<long, DateTimeOffset>();
        var first = true;
        while (!linked.IsCancellationRequested)
        {
            var changed = channelStore.ChangedAsync(key);
            var sent = false;
            foreach (var message in await channelStore.ListAsync(key, cancellationToken, cursor))
            {
                // Living cards and replaced messages come back on every read: sent again only when they changed.
                if (versions.TryGetValue(message.Id, out var sentVersion) && sentVersion == message.UpdatedAt)
                {
                    continue;
                }

                versions[message.Id] = message.UpdatedAt;

                cursor = Math.Max(cursor ?? 0, message.Id);
                sent = true;
                var json = JsonSerializer.Serialize(LocalReply.From(message), LocalJson.Default.LocalReply);
                yield return new SseItem<string>(json, "reply")
                {
                    EventId = cursor.Value.ToString(CultureInfo.InvariantCulture),
                    ReconnectionInterval = first ? EventsRetry : null,
                };
                first = false;
            }

            if (first)
            {
                // Nothing to send yet: a first event still tells the page the stream is open and how soon to reconnect.
                yield return new SseItem<string>(string.Empty, "ready") { ReconnectionInterval = EventsRetry };
                first = false;
            }

            await Task.WhenAny(changed, Task.Delay(EventsRereadInterval, clock, linked.Token));
            if (!sent && !changed.IsCompleted && !linked.IsCancellationRequested)
            {
                // A quiet channel: a small event keeps proxies from closing the stream and finds out when the page is gone.
                yield return new SseItem<string>(string.Empty, "ping");
            }
        }
    }

    private const string ChannelRule = "channel must be 1–80 characters of letters, digits, '-' or '_'.";

    private const string DirectChannelRule = "channel must not start with '@': that names a person's direct messages (GET /local/api/people/{user}/direct-messages).";

    private const string UserRule = "user must be a name of 1–80 characters.";

    /// <summary>Why a channel name is refused, or null when it is fine.</summary>
    internal static string? ChannelError(string? channel) =>
        channel?.StartsWith(ConversationKey.DirectPrefix, StringComparison.Ordinal) == true ? DirectChannelRule
        : string.IsNullOrWhiteSpace(channel) || !ChannelName().IsMatch(channel) ? ChannelRule
        : null;

    private static string? UserError(string? user) => string.IsNullOrWhiteSpace(user) || user.Length > 80 ? UserRule : null;

    internal static string? Validate(LocalTurnRequest? r)
    {
        if (r is null)
        {
            return "The body must be a JSON object.";
        }

        if (ChannelError(r.Channel) is { } channelError)
        {
            return channelError;
        }

        if (UserError(r.User) is { } userError)
        {
            return userError;
        }

        if ((r.Text is null) == (r.Action is null))
        {
            return "Send either text (a command) or action (a button or form), not both and not neither.";
        }

        if (r.Action is not null && (r.Action.Length is 0 or > 200))
        {
            return "action must be 1–200 characters.";
        }

        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_-]{1,80}$")]
    private static partial Regex ChannelName();
}

/// <summary>Settings of the local channel page (section <c>GtmBot:Local</c>).</summary>
public sealed class LocalChannelOptions
{
    public const string Section = "GtmBot:Local";

    /// <summary>Serve the local page and API to other machines too. Off: loopback only.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// Take a request that carries proxy headers (<c>Forwarded</c>, <c>X-Forwarded-For</c>, …) as local when it arrives on
    /// loopback. Off: such a request came through a proxy from somewhere else and is refused unless <see cref="AllowRemote"/>.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>The page's address when it is served under a name other than loopback, e.g. <c>https://gtm.example.com</c>.</summary>
    public string? PublicOrigin { get; set; }
}

/// <summary>A turn from the local page: a command (<c>text</c>) or an action (<c>action</c>, <c>value</c>, <c>form</c>).</summary>
public sealed record LocalTurnRequest(
    string? Channel,
    string? User,
    string? Text,
    string? Action,
    string? Value,
    Dictionary<string, string?>? Form,
    string? Locale,
    long? MessageId);

/// <summary>One message as the page shows it; <paramref name="Author"/> names who typed it when it is a person's command.</summary>
public sealed record LocalReply(long? Id, string Visibility, string Placement, string? ArtefactKey, string Text, string Html, string? Author = null)
{
    public static LocalReply From(Reply reply, long? id, string? author) => new(
        id,
        reply.Visibility.ToString().ToLowerInvariant(),
        reply.Placement.ToString().ToLowerInvariant(),
        reply.ArtefactKey,
        reply.Text,
        HtmlRenderer.Render(reply),
        author);

    public static LocalReply From(LocalMessage message) => From(message.Reply, message.Id, message.Author);
}

/// <summary>The answers to a turn (or a list of messages); <paramref name="Command"/> is the typed command as the channel keeps it.</summary>
public sealed record LocalTurnResponse(IReadOnlyList<LocalReply> Replies, LocalReply? Command = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalTurnRequest))]
[JsonSerializable(typeof(LocalTurnResponse))]
[JsonSerializable(typeof(LocalReply))]
internal sealed partial class LocalJson : JsonSerializerContext;

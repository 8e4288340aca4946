using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;

namespace GtmBot.Host.Api;

/// <summary>
/// The open API, <c>/api/v1</c>: quotes (query and push), themes, canvases, checklist, drills and summaries of the token's
/// workspace. Every read is scoped by the token's workspace key, so another workspace's channel is simply not found.
/// </summary>
internal static class ApiEndpoints
{
    /// <summary>Quotes per page unless <c>limit</c> says otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest <c>limit</c>.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Largest body of <c>POST /api/v1/quotes</c>.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Longest customer or person name in a posted quote.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Summaries listed per channel.</summary>
    public const int MaxSummaries = 100;

    /// <summary>How a quote pushed through the API is marked (<c>source</c>).</summary>
    public const string ApiSource = "api";

    private static readonly HashSet<string> PageParameters = new(StringComparer.OrdinalIgnoreCase) { "limit", "cursor" };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/quotes", ListQuotesAsync)
            .WithName("listQuotes")
            .WithSummary("Quotes of the workspace, oldest first, by keyword, customer, person, tag, motive, channel and time range")
            .Produces<QuotePage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/quotes", PostQuoteAsync)
            .WithName("createQuote")
            .WithSummary("Stores a quote in a channel; it is tagged as a captured quote is")
            .Accepts<NewQuoteDto>("application/json")
            .Produces<QuoteDto>(StatusCodes.Status201Created)
            .Produces<QuoteDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/themes", ThemesAsync)
            .WithName("listThemes")
            .WithSummary("Themes of a channel's quotes, with the same counts as /gtm insights")
            .Produces<ThemesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/canvases", CanvasesAsync)
            .WithName("listCanvases")
            .WithSummary("The channel's 4W1H canvases with their edit history")
            .Produces<IReadOnlyList<CanvasDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/checklist", ChecklistAsync)
            .WithName("getChecklist")
            .WithSummary("The channel's 8-step GTM checklist with its history")
            .Produces<ChecklistDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/drills", DrillsAsync)
            .WithName("listDrills")
            .WithSummary("The channel's five-whys drills")
            .Produces<IReadOnlyList<DrillDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/summaries", SummariesAsync)
            .WithName("listSummaries")
            .WithSummary("The channel's feedback summaries, newest first")
            .Produces<IReadOnlyList<SummaryDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="q">Keywords, all of which must occur (Chinese substrings match inside sentences).</param>
    /// <param name="customer">The customer (account), exactly, any case.</param>
    /// <param name="by">Who captured it: platform user id or display name.</param>
    /// <param name="tag">pain, scenario, feature-request, objection, pricing, competitor, praise, churn-risk.</param>
    /// <param name="motive">need, want or unclear.</param>
    /// <param name="channel">One channel of the workspace.</param>
    /// <param name="from">Captured at or after: ISO 8601 date (UTC midnight) or instant.</param>
    /// <param name="to">Captured before: ISO 8601 instant, or a date (through the end of that day, UTC).</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    /// <param name="cursor">The <c>next</c> of the previous page.</param>
    private static async Task<IResult> ListQuotesAsync(
        HttpContext http,
        IWorkspaceArchive archive,
        IQuoteSearch search,
        string? q = null,
        string? customer = null,
        string? by = null,
        string? tag = null,
        string? motive = null,
        string? channel = null,
        string? from = null,
        string? to = null,
        string? limit = null,
        string? cursor = null)
    {
        var token = ApiAuth.Token(http);
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !QuoteFilter.Names.Contains(k.ToLowerInvariant()) && !PageParameters.Contains(k)) is { } unknown)
        {
            return BadRequest($"Unknown parameter '{unknown}'; parameters: {string.Join(", ", QuoteFilter.Names.Concat(PageParameters))}.");
        }

        var (filter, error) = QuoteFilter.Parse(QuoteFilter.Names.Select(n => new KeyValuePair<string, string?>(n, query[n].ToString())));
        if (filter is null)
        {
            return BadRequest(error!);
        }

        var size = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            return BadRequest($"'limit' must be a number from 1 to the maximum of {MaxPageSize}; got '{limit}'.");
        }

        (long Ticks, long Id)? after = null;
        if (cursor is not null)
        {
            if (DecodeCursor(cursor) is not { } c)
            {
                return BadRequest("'cursor' is not a cursor this API returned.");
            }

            after = c;
        }

        if (filter.Channel is { } ch && !await archive.ChannelExistsAsync(token.WorkspaceKey, ch, http.RequestAborted))
        {
            return ChannelNotFound(ch);
        }

        var page = (await search.SearchAsync(
            new QuoteSearch(token.WorkspaceKey, filter.Channel, filter.Keywords(), size + 1, filter.Customer, filter.By, filter.Tag, filter.Motive, filter.From, filter.To, NewestFirst: false, after is { } a ? (new DateTimeOffset(a.Ticks, TimeSpan.Zero), a.Id) : null),
            http.RequestAborted)).Quotes;
        var items = page.Take(size).Select(cq => QuoteDto.From(cq.Channel, cq.Quote)).ToList();
        var next = page.Count > size ? EncodeCursor(items[^1].CapturedAt.UtcTicks, items[^1].Id) : null;
        return Results.Json(new QuotePage(items, next), DataOutJson.Options);
    }

    private static async Task<IResult> PostQuoteAsync(HttpContext http, ConversationEngine engine, IQuoteStore quotes, ILoggerFactory loggers)
    {
        var token = ApiAuth.Token(http);
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem($"The body is over the limit of {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        NewQuoteDto? body;
        try
        {
            using var limited = new MemoryStream();
            await http.Request.Body.CopyToAsync(limited, http.RequestAborted);
            if (limited.Length > MaxBodyBytes)
            {
                return Results.Problem($"The body is over the limit of {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            limited.Position = 0;
            body = await JsonSerializer.DeserializeAsync<NewQuoteDto>(limited, DataOutJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return BadRequest($"The body is not valid JSON for a quote: {e.Message}");
        }

        var text = body?.Text?.Trim();
        var channel = body?.Channel?.Trim();
        if (string.IsNullOrEmpty(channel))
        {
            return BadRequest("'channel' is required.");
        }

        if (string.IsNullOrEmpty(text))
        {
            return BadRequest("'text' is required and must not be empty.");
        }

        if (text.Length > QuoteFlow.MaxQuoteLength)
        {
            return BadRequest($"'text' is {text.Length} characters, over the limit of {QuoteFlow.MaxQuoteLength}.");
        }

        if (channel.Length > MaxNameLength || body!.Customer?.Length > MaxNameLength || body.CapturedBy?.Length > MaxNameLength)
        {
            return BadRequest($"'channel', 'customer' and 'capturedBy' are at most {MaxNameLength} characters.");
        }

        // The quote goes through the engine as a capture, so it is tagged, stored and announced (quote.created) as any other.
        var key = OutboxRoutes.Channel(token.WorkspaceKey, channel);
        var messageId = "api:" + Guid.NewGuid().ToString("N");
        var capturedBy = string.IsNullOrWhiteSpace(body.CapturedBy) ? "api:" + token.Name : body.CapturedBy.Trim();
        var form = new Dictionary<string, string?>
        {
            [QuoteCapture.Text] = text,
            [QuoteCapture.Customer] = body.Customer?.Trim(),
            [QuoteCapture.Source] = ApiSource,
            [QuoteCapture.MessageId] = messageId,
        };
        await engine.HandleAsync(new Turn(key, new TurnUser(capturedBy, capturedBy), null, new ActionInput(QuoteCapture.ActionId, null, form)), http.RequestAborted);
        var saved = await quotes.FindByMessageAsync(key, messageId, http.RequestAborted);
        if (saved is null)
        {
            // The same words from the same customer were already there: nothing new was stored, the earlier quote answers (200).
            return await quotes.FindSameAsync(key, text, body.Customer?.Trim(), http.RequestAborted) is { } same
                ? Results.Json(QuoteDto.From(channel, same), DataOutJson.Options, statusCode: StatusCodes.Status200OK)
                : BadRequest("'text' holds nothing to keep once markup is removed.");
        }

        Log.QuotePosted(loggers.CreateLogger("GtmBot.Api"), saved.Id, channel, token.Name);
        return Results.Json(QuoteDto.From(channel, saved), DataOutJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <param name="channel">The channel.</param>
    private static Task<IResult> ThemesAsync(HttpContext http, IWorkspaceArchive archive, DataOutReader reader, string? channel) =>
        ForChannelAsync(http, archive, channel, async key => Results.Json(await reader.ThemesAsync(key, http.RequestAborted), DataOutJson.Options));

    /// <param name="channel">The channel.</param>
    private static Task<IResult> CanvasesAsync(HttpContext http, IWorkspaceArchive archive, DataOutReader reader, string? channel) =>
        ForChannelAsync(http, archive, channel, async key => Results.Json(await reader.CanvasesAsync(key, http.RequestAborted), DataOutJson.Options));

    /// <param name="channel">The channel.</param>
    private static Task<IResult> ChecklistAsync(HttpContext http, IWorkspaceArchive archive, DataOutReader reader, string? channel) =>
        ForChannelAsync(http, archive, channel, async key => await reader.ChecklistAsync(key, http.RequestAborted) is { } c
            ? Results.Json(c, DataOutJson.Options)
            : Results.Problem($"Channel '{key.Channel}' has no checklist.", statusCode: StatusCodes.Status404NotFound));

    /// <param name="channel">The channel.</param>
    private static Task<IResult> DrillsAsync(HttpContext http, IWorkspaceArchive archive, DataOutReader reader, string? channel) =>
        ForChannelAsync(http, archive, channel, async key => Results.Json(await reader.DrillsAsync(key, http.RequestAborted), DataOutJson.Options));

    /// <param name="channel">The channel.</param>
    private static Task<IResult> SummariesAsync(HttpContext http, IWorkspaceArchive archive, string? channel) =>
        ForChannelAsync(http, archive, channel, async key =>
            Results.Json((await archive.ListSummariesAsync(key, MaxSummaries, http.RequestAborted)).Select(ApiShapes.Summary).ToList(), DataOutJson.Options));

    private static async Task<IResult> ForChannelAsync(HttpContext http, IWorkspaceArchive archive, string? channel, Func<ConversationKey, Task<IResult>> read)
    {
        var token = ApiAuth.Token(http);
        if (string.IsNullOrWhiteSpace(channel))
        {
            return BadRequest("'channel' is required.");
        }

        if (!await archive.ChannelExistsAsync(token.WorkspaceKey, channel, http.RequestAborted))
        {
            return ChannelNotFound(channel);
        }

        return await read(OutboxRoutes.Channel(token.WorkspaceKey, channel));
    }

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    private static IResult ChannelNotFound(string channel) =>
        Results.Problem($"No channel '{channel}' with data in this token's workspace.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal static string EncodeCursor(long ticks, long id) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ticks}.{id}")));

    internal static (long Ticks, long Id)? DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = text.Split('.');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (ticks, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

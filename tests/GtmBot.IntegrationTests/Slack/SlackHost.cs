using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Slack;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Slack;

/// <summary>The real host configured for Slack against a loopback fake Slack, with a recording <c>quote</c> flow.</summary>
public sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    public const string BotToken = "xoxb-test-token";
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly GtmHostFactory _root;

    private SlackHost(FakeSlackApi api, GtmHostFactory root, WebApplicationFactory<Program> factory)
    {
        Api = api;
        _root = root;
        Factory = factory;
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>The official Slack fixtures in <c>../shared</c>; a test reading them skips without it (fails in CI).</summary>
    public static string Fixtures => TestEnvironment.Shared("fixtures", "slack");

    public FakeSlackApi Api { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public RecordingQuoteFlow Flow => Factory.Services.GetServices<IFlow>().OfType<RecordingQuoteFlow>().Single();

    public static async Task<SlackHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var api = await FakeSlackApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["GtmBot:Slack:SigningSecret"] = Secret,
            ["GtmBot:Slack:BotToken"] = BotToken,
            ["GtmBot:Slack:ApiBaseUrl"] = api.ApiBaseUrl,
            ["GtmBot:Slack:ClientId"] = "111.222",
            ["GtmBot:Slack:ClientSecret"] = "client-secret",
            ["GtmBot:Slack:TokenEncryptionKey"] = EncryptionKey,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var root = new GtmHostFactory(settings);
        var factory = root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            // The recording flow stands in for the real quote flow (same id): the tests assert the mapped turn, not the flow's answer.
            foreach (var real in s.Where(d => d.ServiceType == typeof(IFlow) && d.ImplementationType?.Name == "QuoteFlow").ToList())
            {
                s.Remove(real);
            }

            s.AddFlow<RecordingQuoteFlow>();
        }));
        return new SlackHost(api, root, factory);
    }

    /// <summary>Posts a body to /slack/events signed as Slack would (timestamp now, or the given one).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string body, string contentType, long? timestamp = null, string? secret = null, int? retryNum = null)
    {
        var ts = (timestamp ?? DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(secret ?? Secret, ts, bytes));
        if (retryNum is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFormAsync(IDictionary<string, string> fields) =>
        PostSignedAsync(string.Join('&', fields.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostInteractionAsync(string json) =>
        PostSignedAsync("payload=" + Uri.EscapeDataString(json), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostSlashAsync(string text, string? responseUrl = null, string triggerId = "111.222.abc") =>
        PostFormAsync(new Dictionary<string, string>
        {
            ["team_id"] = "T1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["user_name"] = "ana",
            ["command"] = "/gtm",
            ["text"] = text,
            ["response_url"] = responseUrl ?? Api.ResponseUrl("commands/T1/1/x"),
            ["trigger_id"] = triggerId,
            ["api_app_id"] = "A1",
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>A stand-in for the quote flow that records every turn it gets and answers in the shapes the tests need.</summary>
public sealed class RecordingQuoteFlow : IFlow
{
    public ConcurrentQueue<Turn> Turns { get; } = new();

    public string Id => "quote";

    public IReadOnlyList<string> Commands { get; } = ["quote"];

    public Localized Help { get; } = new("`/gtm quote` — test", "`/gtm quote` —— 测试");

    public Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        Turns.Enqueue(context.Turn);
        IReadOnlyList<Reply> replies = args switch
        {
            "form" => [new Reply([new FormBlock("Add quote", "quote.save", "ctx-1", [new FormInput("text", "Quote", InputKind.Multiline, Required: true)], "Save")], "Add quote")],
            _ => [new Reply([new TextBlock("Quote card " + Markup.Escape(args)), new ActionsBlock([new Button("Replace", "quote.replace", "42")])], "Quote card")],
        };
        return Task.FromResult(replies);
    }

    public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken)
    {
        Turns.Enqueue(context.Turn);
        IReadOnlyList<Reply> replies = action.ActionId switch
        {
            "quote.replace" => [new Reply([new TextBlock("Replaced " + Markup.Escape(action.Value))], "Replaced", Placement: ReplyPlacement.ReplaceOriginal)],
            "quote.save" when action.Field("text") is null or "bad" =>
                [new Reply([new FormBlock("Add quote", "quote.save", action.Value, [new FormInput("text", "Quote", InputKind.Multiline, Required: true)], "Save", Error: "Please write the quote.")], "Add quote")],
            "quote.save" =>
                [Reply.Notice("Saved"), new Reply([new HeaderBlock("Quotes"), new TextBlock(Markup.Escape(action.Field("text")))], "Quotes", Placement: ReplyPlacement.Artefact, ArtefactKey: "quotes:board")],
            _ => context.Notice(new Localized("Captured", "已保存")),
        };
        return Task.FromResult(replies);
    }
}

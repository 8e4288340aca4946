using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>One request the fake connector received.</summary>
public sealed record ConnectorCall(string Method, string Path, string? Authorization, JsonNode? Body);

/// <summary>
/// The Bot Framework's side on loopback: OpenID metadata + JWKS (with endorsements), the token endpoint, and a Bot Connector
/// that records every call. Tokens are signed here with the published key (or an unpublished/unendorsed one).
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Channel = "msteams";

    private readonly WebApplication _app;
    private readonly RSA _published = RSA.Create(2048);
    private readonly RSA _unendorsed = RSA.Create(2048);
    private readonly RSA _unknown = RSA.Create(2048);
    private int _ids = 1000;

    private FakeBotFramework(WebApplication app)
    {
        _app = app;

        // RSA keys are generated on first use: do it now, not inside the bot's key fetch, whose timeout a loaded machine can pass.
        foreach (var rsa in (RSA[])[_published, _unendorsed, _unknown])
        {
            rsa.ExportParameters(includePrivateParameters: false);
        }
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The serviceUrl activities carry: the connector routes of this fake.</summary>
    public string ServiceUrl => BaseUrl + "/connector/";

    public string MetadataUrl => BaseUrl + "/openid";

    public string TokenUrl => BaseUrl + "/token";

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public int TokenRequests;

    /// <summary>Statuses to answer the next connector calls with (then 201 again).</summary>
    public ConcurrentQueue<int> NextStatuses { get; } = new();

    /// <summary>How long the token endpoint waits before it answers (a stalling identity provider).</summary>
    public TimeSpan TokenStall { get; set; }

    /// <summary>While set, the JWKS endpoint answers 500 (a metadata outage).</summary>
    public bool KeysDown { get; set; }

    /// <summary>Members the connector refuses a 1:1 chat with, and the status it answers (403: app not installed for them, 404: unknown).</summary>
    public ConcurrentDictionary<string, int> RefusedMembers { get; } = new();

    /// <summary>The id of the bot's 1:1 chat with a member (the same one on every create, as Teams answers).</summary>
    public static string PersonalChatOf(string member) => "a:personal-" + member;

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotFramework(app);
        fake.Map();
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>All settings the host needs to trust this fake and talk to it.</summary>
    public Dictionary<string, string?> HostSettings() => new()
    {
        ["GtmBot:Teams:AppId"] = AppId,
        ["GtmBot:Teams:AppPassword"] = "test-secret",
        ["GtmBot:Teams:AppType"] = "MultiTenant",
        ["GtmBot:Teams:OpenIdMetadataUrl"] = MetadataUrl,
        ["GtmBot:Teams:TokenEndpoint"] = TokenUrl,
    };

    public enum Signer
    {
        Published,
        Unendorsed,
        Unknown,
    }

    public string Token(
        string? serviceUrl = null, string issuer = Issuer, string audience = AppId, TimeSpan? expiresIn = null, Signer signer = Signer.Published)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var (rsa, kid) = signer switch
        {
            Signer.Unendorsed => (_unendorsed, "unendorsed"),
            Signer.Unknown => (_unknown, "unknown"),
            _ => (_published, "published"),
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public IReadOnlyList<ConnectorCall> ConnectorCalls(string method) => [.. Calls.Where(c => c.Method == method && c.Path.Contains("/v3/", StringComparison.Ordinal))];

    /// <summary>Waits until at least <paramref name="count"/> connector calls match.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(Func<ConnectorCall, bool> match, int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = Calls.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return [.. Calls.Where(match)];
    }

    private void Map()
    {
        _app.MapGet("/openid", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = BaseUrl + "/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/keys", () => KeysDown ? Results.StatusCode(StatusCodes.Status500InternalServerError) : Results.Json(new { keys = new[] { Jwk(_published, "published", [Channel, "webchat"]), Jwk(_unendorsed, "unendorsed", ["webchat"]) } }));
        _app.MapPost("/token", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref TokenRequests);
            if (TokenStall > TimeSpan.Zero)
            {
                await Task.Delay(TokenStall, ctx.RequestAborted);
            }

            return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = "fake-bot-token" });
        });
        _app.Map("/connector/{**rest}", async (HttpContext ctx) =>
        {
            JsonNode? body = null;
            if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
            {
                body = await JsonNode.ParseAsync(ctx.Request.Body);
            }

            var path = ctx.Request.Path.Value!["/connector".Length..];
            Calls.Enqueue(new ConnectorCall(ctx.Request.Method, Uri.UnescapeDataString(path), ctx.Request.Headers.Authorization.ToString(), body));
            if (NextStatuses.TryDequeue(out var status))
            {
                return Results.StatusCode(status);
            }

            var id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (path == "/v3/conversations" && body?["isGroup"]?.GetValue<bool>() == false)
            {
                var member = body["members"]?[0]?["id"]?.GetValue<string>() ?? string.Empty;
                return RefusedMembers.TryGetValue(member, out var refused)
                    ? Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: refused)
                    : Results.Json(new { id = PersonalChatOf(member) }, statusCode: 201);
            }

            if (path == "/v3/conversations")
            {
                var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
                return Results.Json(new { id = $"{channel};messageid={id}", activityId = id }, statusCode: 201);
            }

            return Results.Json(new { id }, statusCode: ctx.Request.Method == "PUT" ? 200 : 201);
        });
    }

    private static Dictionary<string, object> Jwk(RSA rsa, string kid, string[] endorsements)
    {
        var p = rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _published.Dispose();
        _unendorsed.Dispose();
        _unknown.Dispose();
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Slack.Api;
using GtmBot.Slack.Strings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Slack.OAuth;

/// <summary>
/// Multi-workspace install: <c>/slack/install</c> redirects to Slack's consent page with a signed, expiring, single-use
/// state; <c>/slack/oauth_redirect</c> checks it, exchanges the code and stores the bot token encrypted.
/// </summary>
/// <see href="https://docs.slack.dev/authentication/installing-with-oauth"/>
internal static class SlackOAuthEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";

    /// <see href="https://docs.slack.dev/authentication/installing-with-oauth"/>
    public const string AuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    /// <summary>The bot scopes requested (the same list as manifests/slack/manifest.yaml).</summary>
    public static readonly string[] BotScopes =
        ["commands", "chat:write", "app_mentions:read", "reactions:read", "channels:history", "groups:history", "channels:read", "groups:read", "pins:write", "users:read", "canvases:write", "files:write", "im:write", "im:history"];

    /// <summary>Slack's code expires after 10 minutes; the state lives as long.</summary>
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private const string StateDedupePlatform = "slack-oauth-state";

    public static IResult Install(HttpContext http, IOptions<SlackOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        if (!o.OAuthEnabled)
        {
            return Results.Text("Slack OAuth install is off: set GtmBot__Slack__ClientId, ClientSecret and TokenEncryptionKey.", statusCode: StatusCodes.Status404NotFound);
        }

        var state = CreateState(o.ClientSecret!, clock);
        var url = $"{AuthorizeUrl}?client_id={Uri.EscapeDataString(o.ClientId!)}&scope={Uri.EscapeDataString(string.Join(',', BotScopes))}&state={Uri.EscapeDataString(state)}&redirect_uri={Uri.EscapeDataString(RedirectUri(http, o))}";
        return Results.Redirect(url);
    }

    public static async Task<IResult> RedirectAsync(
        HttpContext http, IOptions<SlackOptions> options, TimeProvider clock, SlackApiClient api, SlackAuthResolver auth,
        IInstallationStore store, IInboundDedupe dedupe, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("GtmBot.Slack.OAuth");
        var o = options.Value;
        var lang = Culture.Parse(http.Request.Headers.AcceptLanguage.ToString()) ?? Lang.En;
        if (!o.OAuthEnabled || auth.Protector is null)
        {
            return Results.Text("Slack OAuth install is off.", statusCode: StatusCodes.Status404NotFound);
        }

        string? code = http.Request.Query["code"], state = http.Request.Query["state"], error = http.Request.Query["error"];
        if (!string.IsNullOrEmpty(error))
        {
            Log.OAuthRefused(logger, "user declined");
            return Page(SlackStrings.InstallFailed.Format(lang, error), StatusCodes.Status400BadRequest);
        }

        var nonce = string.IsNullOrEmpty(state) ? null : CheckState(o.ClientSecret!, state, clock);
        var stateKey = new InboundEventKey(StateDedupePlatform, string.Empty, string.Empty, nonce ?? string.Empty);
        if (nonce is null || string.IsNullOrEmpty(code) || !await dedupe.TryBeginAsync(stateKey, ct))
        {
            Log.OAuthRefused(logger, "bad, expired or reused state");
            return Page(SlackStrings.InstallFailed.Format(lang, "state"), StatusCodes.Status400BadRequest);
        }

        // A state is used up once presented, whatever the exchange gives: a retried redirect starts a new install.
        await dedupe.CompleteAsync(stateKey, ct);
        JsonElement access;
        try
        {
            access = await api.OAuthAccessAsync(o.ClientId!, o.ClientSecret!, code, RedirectUri(http, o), ct);
        }
        catch (SlackApiException e)
        {
            Log.OAuthRefused(logger, e.Error);
            return Page(SlackStrings.InstallFailed.Format(lang, e.Error), StatusCodes.Status400BadRequest);
        }

        var token = Str(access, "access_token");
        var enterprise = access.TryGetProperty("enterprise", out var ent) && ent.ValueKind == JsonValueKind.Object ? Str(ent, "id") : null;
        var team = access.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? Str(t, "id") : null;
        var orgWide = access.TryGetProperty("is_enterprise_install", out var ei) && ei.ValueKind == JsonValueKind.True;
        var workspace = orgWide ? enterprise : team ?? enterprise;
        if (token is null || workspace is null)
        {
            Log.OAuthRefused(logger, "no bot token in the answer");
            return Page(SlackStrings.InstallFailed.Format(lang, "no bot token"), StatusCodes.Status400BadRequest);
        }

        string? botId = null;
        try
        {
            botId = await api.GetBotIdAsync(token, ct);
        }
        catch (SlackApiException e)
        {
            // Only used to ignore the bot's own messages; the bot user id covers that too.
            Log.OAuthRefused(logger, "auth.test " + e.Error);
        }

        var key = $"{Platforms.Slack}:{workspace}";
        var installer = access.TryGetProperty("authed_user", out var au) && au.ValueKind == JsonValueKind.Object ? Str(au, "id") : null;
        await store.SaveAsync(
            new Installation(Platforms.Slack, workspace, enterprise, orgWide, auth.Protector.Protect(token, key), Str(access, "bot_user_id"), botId, Str(access, "scope"), installer, clock.GetUtcNow()),
            ct);
        Log.Installed(logger, workspace);
        var name = access.TryGetProperty("team", out var tn) && tn.ValueKind == JsonValueKind.Object ? Str(tn, "name") : null;
        return Page(SlackStrings.Installed.Format(lang, name ?? workspace), StatusCodes.Status200OK);
    }

    /// <summary><c>nonce.expiry.hmac</c>, signed with the client secret.</summary>
    internal static string CreateState(string secret, TimeProvider clock)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = (clock.GetUtcNow() + StateLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{nonce}.{expires}.{Mac(secret, nonce + "." + expires)}";
    }

    /// <summary>The nonce of a valid, unexpired state; null otherwise.</summary>
    internal static string? CheckState(string secret, string state, TimeProvider clock)
    {
        var parts = state.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(secret, parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() <= expires ? parts[0] : null;
    }

    private static string Mac(string secret, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("gtmbot-oauth-state:" + secret), Encoding.UTF8.GetBytes(data)));

    private static string RedirectUri(HttpContext http, SlackOptions o) =>
        (string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : o.PublicBaseUrl.TrimEnd('/')) + RedirectPath;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static IResult Page(string text, int status) =>
        Results.Content($"<!doctype html><meta charset=utf-8><title>GtmBot</title><p>{System.Net.WebUtility.HtmlEncode(text)}</p>", "text/html; charset=utf-8", Encoding.UTF8, status);
}

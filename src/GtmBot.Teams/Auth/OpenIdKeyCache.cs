using System.Net.Http.Json;
using System.Text.Json;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GtmBot.Teams.Auth;

/// <summary>The signing keys could not be fetched and none are cached: no token can be checked for now (the edge answers 503).</summary>
internal sealed class SigningKeysUnavailableException(Exception inner)
    : RetryLaterException("The Bot Connector's signing keys could not be fetched: " + inner.Message, RetryAfterKeys, inner)
{
    /// <summary>What the 503 asks the Bot Connector to wait before sending the activity again.</summary>
    public static readonly TimeSpan RetryAfterKeys = TimeSpan.FromSeconds(5);
}

/// <summary>The Bot Connector's signing keys and, per key, the channels it is endorsed for.</summary>
internal sealed record SigningKeys(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements, DateTimeOffset FetchedAt);

/// <summary>
/// Fetches the OpenID metadata and its JWKS, caches them and refreshes them daily, or sooner when a token names a key we
/// do not know (at most every <see cref="MinRefreshInterval"/>). Endorsements are read from the raw JWKS because they are
/// a Bot Framework extension of the key format.
/// </summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot"/>
internal sealed class OpenIdKeyCache(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<OpenIdKeyCache> logger)
{
    /// <summary>"Refresh … at least once every 24 hours" (Bot Connector authentication).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);

    /// <summary>Floor between refreshes forced by unknown key ids, so forged tokens cannot hammer the metadata host.</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(5);

    public const string HttpClientName = "GtmBot.Teams.OpenId";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeys? _current;

    public async Task<SigningKeys> GetAsync(string? wantedKeyId, CancellationToken cancellationToken)
    {
        var current = _current;
        var now = clock.GetUtcNow();
        if (current is not null && now - current.FetchedAt < RefreshInterval
            && (wantedKeyId is null || current.Endorsements.ContainsKey(wantedKeyId) || current.Keys.Any(k => k.KeyId == wantedKeyId) || now - current.FetchedAt < MinRefreshInterval))
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is not null && !ReferenceEquals(_current, current))
            {
                return _current;
            }

            try
            {
                _current = await FetchAsync(cancellationToken);
                Log.KeysRefreshed(logger, _current.Keys.Count);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Keep serving the keys we have: a metadata outage (or a timeout) must not take the bot down. With none
                // yet, the caller is told it is our side that failed, so the request is answered 503 and retried.
                Log.KeysRefreshFailed(logger, ex);
                return current ?? throw new SigningKeysUnavailableException(ex);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeys> FetchAsync(CancellationToken cancellationToken)
    {
        var client = http.CreateClient(HttpClientName);
        using var metadata = await client.GetFromJsonAsync<JsonDocument>(options.Value.OpenIdMetadataUrl, cancellationToken)
            ?? throw new InvalidOperationException("Empty OpenID metadata");
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var u) ? u.GetString() : null;
        if (string.IsNullOrEmpty(jwksUri))
        {
            throw new InvalidOperationException("OpenID metadata has no jwks_uri");
        }

        var json = await client.GetStringAsync(jwksUri, cancellationToken);
        var set = new JsonWebKeySet(json);
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var raw = JsonDocument.Parse(json);
        if (raw.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in keys.EnumerateArray())
            {
                if (key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id
                    && key.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array)
                {
                    endorsements[id] = [.. e.EnumerateArray().Select(x => x.GetString()).OfType<string>()];
                }
            }
        }

        return new SigningKeys([.. set.GetSigningKeys()], endorsements, clock.GetUtcNow());
    }
}

using System.Net.Http.Json;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace GtmBot.Teams.Connector;

/// <summary>
/// The bot's own access token for the Bot Connector, by OAuth client credentials, cached until shortly before it expires.
/// A plain form POST rather than MSAL so the token endpoint can be any configured URL (sovereign clouds, loopback fakes).
/// </summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector"/>
internal sealed class BotTokenProvider(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider clock)
{
    /// <summary>The scope of Bot Connector tokens.</summary>
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>Renew this long before expiry, so a token never expires in flight.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    public const string HttpClientName = "GtmBot.Teams.Token";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    /// <summary>The bearer token, or null when no credentials are configured (local Playground).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.HasCredentials)
        {
            return null;
        }

        if (_cached is { } c && clock.GetUtcNow() < c.ExpiresAt - RenewBefore)
        {
            return c.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() < again.ExpiresAt - RenewBefore)
            {
                return again.Token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId!,
                ["client_secret"] = o.AppPassword!,
                ["scope"] = Scope,
            });
            using var response = await http.CreateClient(HttpClientName).PostAsync(o.ResolvedTokenEndpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectorException($"Token endpoint answered {(int)response.StatusCode}", response.StatusCode, null);
            }

            var token = await response.Content.ReadFromJsonAsync(TeamsJson.Default.TokenResponse, cancellationToken);
            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                throw new ConnectorException("Token endpoint returned no access_token", response.StatusCode, null);
            }

            _cached = (token.AccessToken, clock.GetUtcNow().AddSeconds(token.ExpiresIn));
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}

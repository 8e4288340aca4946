using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GtmBot.Teams.Auth;

/// <summary>A verified Bot Connector token: its claims and the key that signed it.</summary>
internal sealed record VerifiedToken(ClaimsIdentity Identity, string? KeyId, IReadOnlyList<string>? Endorsements);

/// <summary>Outcome of a check: null failure means accepted; <see cref="Forbidden"/> distinguishes 403 from 401.</summary>
internal sealed record AuthFailure(string Reason, bool Forbidden = false);

/// <summary>
/// Verifies the JWT the Bot Connector sends with every activity: signature by a published key, issuer, audience = our
/// app id, lifetime with <see cref="ClockSkew"/>, then against the activity: the <c>serviceurl</c> claim and the key's
/// channel endorsement.
/// </summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot"/>
internal sealed class BotFrameworkAuthenticator(OpenIdKeyCache keys, IOptions<TeamsOptions> options, TimeProvider clock)
{
    /// <summary>"Bots must validate … with a clock skew of 5 minutes."</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Algorithms the Bot Connector signs with.</summary>
    public static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>The claim carrying the service URL the token was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private const string BearerPrefix = "Bearer ";

    public async Task<(VerifiedToken? Token, AuthFailure? Failure)> VerifyTokenAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new AuthFailure("missing bearer token"));
        }

        var raw = authorization[BearerPrefix.Length..].Trim();
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        if (!handler.CanReadToken(raw))
        {
            return (null, new AuthFailure("unreadable token"));
        }

        var kid = handler.ReadJsonWebToken(raw).Kid;
        var signing = await keys.GetAsync(kid, cancellationToken);
        var o = options.Value;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = o.Issuer,
            ValidAudience = o.AppId,
            ValidateAudience = true,
            ValidateIssuer = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = signing.Keys,
            ValidAlgorithms = AllowedAlgorithms,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };

        var result = await handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return (null, new AuthFailure(result.Exception?.GetType().Name ?? "invalid token"));
        }

        var usedKid = (result.SecurityToken as JsonWebToken)?.Kid ?? kid;
        var endorsements = usedKid is not null && signing.Endorsements.TryGetValue(usedKid, out var e) ? e : null;
        return (new VerifiedToken(result.ClaimsIdentity, usedKid, endorsements), null);
    }

    /// <summary>Checks the verified token against the activity it came with.</summary>
    public static AuthFailure? CheckActivity(VerifiedToken token, string? channelId, string? serviceUrl)
    {
        var claimed = token.Identity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(claimed) || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return new AuthFailure("serviceurl claim does not match the activity");
        }

        // Keys "may have endorsements … the channelId must be in the list, else reject with 403".
        if (token.Endorsements is null || channelId is null || !token.Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return new AuthFailure($"signing key not endorsed for channel '{channelId}'", Forbidden: true);
        }

        return null;
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.Add(ClockSkew))
        {
            return false;
        }

        return notBefore is null || now >= notBefore.Value.Subtract(ClockSkew);
    }
}

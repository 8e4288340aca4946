using System.Globalization;
using System.Threading.RateLimiting;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Api;

/// <summary>
/// Bearer tokens of the open API: the token's SHA-256 is looked up on every request (no cache, so a revoked token is refused
/// at once), and each token has its own fixed-window rate limit (ASP.NET Core rate limiting, partitioned by the token hash).
/// </summary>
internal static class ApiAuth
{
    public const string RateLimitPolicy = "api-token";

    private const string TokenItem = "gtm.api.token";

    /// <summary>The authenticated token of this request (set by <see cref="AuthenticateAsync"/>).</summary>
    public static ApiToken Token(HttpContext http) => (ApiToken)http.Items[TokenItem]!;

    /// <summary>401 without a valid, active token; otherwise the token is kept for the handler.</summary>
    public static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = Bearer(http);
        if (presented is null)
        {
            return Unauthorized(http, "An API token is required: send 'Authorization: Bearer <token>' (create one with /gtm api token create <name>).");
        }

        var store = http.RequestServices.GetRequiredService<IApiTokenStore>();
        var token = await store.FindActiveByHashAsync(ApiTokens.Hash(presented), http.RequestAborted);
        if (token is null)
        {
            return Unauthorized(http, "The API token is not valid or was revoked.");
        }

        http.Items[TokenItem] = token;
        return await next(context);
    }

    /// <summary>The per-token rate limiter; requests without a bearer token are not limited here (they get 401).</summary>
    public static void AddPolicy(RateLimiterOptions limiter, IServiceProvider services)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(RateLimitPolicy, http =>
        {
            var presented = Bearer(http);
            if (presented is null)
            {
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            var permits = services.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ApiTokens.Hash(presented), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Log.RateLimited(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Api"), ApiTokens.ShownPrefix(Bearer(http) ?? string.Empty));
            await Results.Problem(
                $"Too many requests for this token: at most {services.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute} per minute. Retry after {seconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        };
    }

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length ? header[scheme.Length..].Trim() : null;
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        Log.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Api"), detail);
        return Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }
}

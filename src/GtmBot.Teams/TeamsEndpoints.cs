using System.Net;
using System.Text.Json;
using GtmBot.Teams.Auth;
using GtmBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GtmBot.Teams;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint.</summary>
public static class TeamsEndpoints
{
    public const string Path = "/api/messages";

    /// <summary>Largest activity accepted. Teams messages are at most 40 KB (with cards); this leaves room for invokes.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages"/>
    public const int MaxActivityBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync);
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.AppId) && !options.DangerouslyAllowUnauthenticatedLoopback)
        {
            Log.TeamsOff(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("GtmBot.Teams"));
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        TeamsActivityHandler handler,
        BotFrameworkAuthenticator authenticator,
        IOptions<TeamsOptions> options,
        IHostEnvironment environment,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("GtmBot.Teams");
        if (http.Request.ContentLength > MaxActivityBytes)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"activity larger than {MaxActivityBytes} bytes");
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        VerifiedToken? token = null;
        if (string.IsNullOrEmpty(authorization) && UnauthenticatedAllowed(http, options.Value, environment, logger))
        {
            Log.UnauthenticatedAccepted(logger);
        }
        else if (string.IsNullOrWhiteSpace(options.Value.AppId))
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, "Teams is not configured (no GtmBot:Teams:AppId)");
        }
        else
        {
            // Signing keys that cannot be fetched throw a RetryLaterException: the host answers 503, which the Bot Connector retries.
            var (verified, failure) = await authenticator.VerifyTokenAsync(authorization, cancellationToken);
            if (failure is not null)
            {
                return Refuse(logger, StatusCodes.Status401Unauthorized, failure.Reason);
            }

            token = verified;
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"activity larger than {MaxActivityBytes} bytes");
        }

        Log.Body(logger, System.Text.Encoding.UTF8.GetString(body));
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, TeamsJson.Default.Activity);
        }
        catch (JsonException ex)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, $"malformed activity JSON: {ex.Message}");
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type) || activity.Conversation?.Id is null || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, "activity without type, conversation or serviceUrl");
        }

        if (activity.OversizedId() is { } oversized)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, $"an id of {oversized.Length} characters (at most {Activity.MaxIdLength})");
        }

        if (token is not null && BotFrameworkAuthenticator.CheckActivity(token, activity.ChannelId, activity.ServiceUrl) is { } mismatch)
        {
            return Refuse(logger, mismatch.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, mismatch.Reason);
        }

        ActivityResult result;
        try
        {
            result = await handler.HandleAsync(activity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Never a 500 (a timeout inside the handling included): the connector would resend an activity whose state change
            // may be saved already.
            Log.HandlerFailed(logger, activity.Type, ex);
            result = activity.Type == ActivityTypes.Invoke
                ? new ActivityResult(200, new AdaptiveCardInvokeResponse(500, AdaptiveCardInvokeResponse.ErrorType, JsonSerializer.SerializeToElement("error", TeamsJson.Default.String)))
                : ActivityResult.Ok;
        }

        return result.Body is null
            ? Results.StatusCode(result.Status)
            : Results.Text(JsonSerializer.Serialize(result.Body, result.Body.GetType(), TeamsJson.Default), "application/json", statusCode: result.Status);
    }

    /// <summary>The scary dev switch: only without an app id, only from loopback, only in Development.</summary>
    private static bool UnauthenticatedAllowed(HttpContext http, TeamsOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (!options.DangerouslyAllowUnauthenticatedLoopback)
        {
            return false;
        }

        var remote = http.Connection.RemoteIpAddress;
        var why = !string.IsNullOrWhiteSpace(options.AppId) ? "an AppId is configured"
            : !environment.IsDevelopment() ? $"the environment is {environment.EnvironmentName}, not Development"
            : remote is not null && !IPAddress.IsLoopback(remote) ? "the request is not from loopback"
            : null;
        if (why is not null)
        {
            Log.DevSwitchRefused(logger, why);
            return false;
        }

        return true;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxActivityBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Refuse(ILogger logger, int status, string reason)
    {
        Log.Refused(logger, status, reason);

        // A body over the limit is told the limit; a refused token is told nothing an attacker could use.
        return status == StatusCodes.Status413PayloadTooLarge ? Results.Text(reason, statusCode: status) : Results.StatusCode(status);
    }
}

using Microsoft.Extensions.Logging;

namespace GtmBot.Slack;

/// <summary>Every log line of the Slack edge (event ids 3000–3099). Never tokens, secrets or message text above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Slack: {What}")]
    public static partial void Status(ILogger logger, string what);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Slack request refused: signature {Outcome}")]
    public static partial void SignatureRefused(ILogger logger, SignatureCheck outcome);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Slack request malformed: {Reason}")]
    public static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Slack {Kind} '{Type}' is not handled; acknowledged")]
    public static partial void Unhandled(ILogger logger, string kind, string type);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Slack event {EventId} already handled (retry {RetryNum}); acknowledged")]
    public static partial void Duplicate(ILogger logger, string eventId, int? retryNum);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Slack API {Method} answered {Error}")]
    public static partial void ApiError(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Slack API {Method} rate limited; retrying after {Seconds}s")]
    public static partial void RateLimited(ILogger logger, string method, double seconds);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Slack API {Method} attempt {Attempt} failed ({Reason}); retrying")]
    public static partial void ApiRetry(ILogger logger, string method, int attempt, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Slack follow-up failed: {Method} {Error}")]
    public static partial void FollowUpFailed(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "No Slack token for workspace {Workspace}: install the app or set GtmBot__Slack__BotToken")]
    public static partial void NoToken(ILogger logger, string workspace);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Stored Slack token of {WorkspaceKey} cannot be decrypted (wrong TokenEncryptionKey?)")]
    public static partial void TokenUnreadable(ILogger logger, string workspaceKey);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Slack app removed from {Workspace} ({EventType}); installation deleted: {Deleted}")]
    public static partial void Uninstalled(ILogger logger, string workspace, string eventType, bool deleted);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Slack app installed in {Workspace}")]
    public static partial void Installed(ILogger logger, string workspace);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Slack OAuth refused: {Reason}")]
    public static partial void OAuthRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Socket Mode connected ({Connections} connections open)")]
    public static partial void SocketHello(ILogger logger, int connections);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Socket Mode disconnect requested: {Reason}")]
    public static partial void SocketDisconnect(ILogger logger, string reason);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Socket Mode connection lost; reconnecting in {Seconds}s")]
    public static partial void SocketReconnect(ILogger logger, Exception error, double seconds);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Socket Mode frame malformed; ignored")]
    public static partial void SocketMalformed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Error, Message = "Slack envelope {EnvelopeId} failed")]
    public static partial void EnvelopeFailed(ILogger logger, Exception error, string envelopeId);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Slack canvas sync for {Channel} failed: {Error}; the pinned message stays current")]
    public static partial void CanvasFailed(ILogger logger, string channel, string error);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Slack users.info for {User} failed: {Error}")]
    public static partial void UserInfoFailed(ILogger logger, string user, string error);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Error, Message = "Slack turn failed")]
    public static partial void TurnFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Warning, Message = "Slack form {ActionId} did not open within {BudgetMs} ms; the person is offered a retry")]
    public static partial void FormTimedOut(ILogger logger, string actionId, int budgetMs);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Warning, Message = "Slack button left out: its action id or value is over Slack's limit ({ActionId})")]
    public static partial void ButtonDropped(ILogger logger, string actionId);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Outbox row {Id} part {Part} was already in Slack channel {Channel} as {Ts}: adopted, not posted again")]
    public static partial void Reconciled(ILogger logger, long id, int part, string channel, string ts);

    [LoggerMessage(EventId = 3045, Level = LogLevel.Information, Message = "Slack direct message to {User} refused for good: {Error}")]
    public static partial void DirectRefused(ILogger logger, string user, string error);

    [LoggerMessage(EventId = 3046, Level = LogLevel.Information, Message = "Slack direct-message channel {Channel} of {User} is gone; opening it again")]
    public static partial void DirectChannelStale(ILogger logger, string user, string channel);
}

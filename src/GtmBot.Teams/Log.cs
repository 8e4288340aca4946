using Microsoft.Extensions.Logging;

namespace GtmBot.Teams;

/// <summary>Every log line of the Teams edge (event ids 4000–4099). Never tokens, secrets or message text above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Teams activity refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "GtmBot:Teams:DangerouslyAllowUnauthenticatedLoopback is set but refused: {Why}. Unauthenticated activities get 401.")]
    public static partial void DevSwitchRefused(ILogger logger, string why);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Teams activity accepted WITHOUT authentication from loopback (DangerouslyAllowUnauthenticatedLoopback, Development, no AppId)")]
    public static partial void UnauthenticatedAccepted(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Teams activity ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Teams activity {ActivityId} already handled (retry)")]
    public static partial void Duplicate(ILogger logger, string activityId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Teams activity of type {Type} failed")]
    public static partial void HandlerFailed(ILogger logger, string? type, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Bot Connector {Method} answered {Status}; retry {Attempt}: {Detail}")]
    public static partial void ConnectorRetry(ILogger logger, string method, int status, int attempt, string detail);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Bot Connector {Method} failed with {Status}")]
    public static partial void ConnectorFailed(ILogger logger, string method, int status);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Bot Connector signing keys refreshed ({Count} keys)")]
    public static partial void KeysRefreshed(ILogger logger, int count);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Bot Connector signing keys could not be refreshed; keeping the cached ones")]
    public static partial void KeysRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Sending a Teams reply failed")]
    public static partial void ReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Teams is off: set GtmBot__Teams__AppId and GtmBot__Teams__AppPassword (or, for the local Agents Playground in Development, GtmBot__Teams__DangerouslyAllowUnauthenticatedLoopback=true)")]
    public static partial void TeamsOff(ILogger logger);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Trace, Message = "Teams activity body: {Body}")]
    public static partial void Body(ILogger logger, string body);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Teams {Type} {Name} was not handled within the response budget ({BudgetMs} ms): answered now, its replies go to the outbox")]
    public static partial void OverBudget(ILogger logger, string? type, string? name, int budgetMs);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Teams {Type} {Name} finished after its answer had gone")]
    public static partial void FinishedLate(ILogger logger, string? type, string? name);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Teams 1:1 chat remembered for {User} answered {Status}; creating it again")]
    public static partial void DirectChatStale(ILogger logger, string user, int status);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Teams direct message to {User} refused for good: {Status}")]
    public static partial void DirectRefused(ILogger logger, string user, int status);
}

using System.Net;

namespace GtmBot.Teams.Connector;

/// <summary>The Bot Connector refused a call: its status, and when to try again for 429.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis"/>
internal sealed class ConnectorException(string message, HttpStatusCode? status, TimeSpan? retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The request never reached the connector (refused connection, name or TLS failure): sending again cannot duplicate.</summary>
    public bool NotSent { get; init; }

    /// <summary>The request went out and its answer was lost (reset, timeout): the connector may have carried it out.</summary>
    public bool Ambiguous => Status is null && !NotSent;
}

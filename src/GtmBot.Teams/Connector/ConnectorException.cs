using System.Net;

namespace GtmBot.Teams.Connector;

/// <summary>The Bot Connector refused a call: its status, and when to try again for 429.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis"/>
internal sealed class ConnectorException(string message, HttpStatusCode? status, TimeSpan? retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

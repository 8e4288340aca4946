using System.Text.Json.Nodes;
using GtmBot.Slack.Wire;

namespace GtmBot.Slack.Inbound;

/// <summary>One inbound Slack request, whichever transport brought it (HTTP or Socket Mode): the single shape the dispatcher takes.</summary>
internal abstract record SlackInbound;

internal sealed record SlashInbound(SlashCommand Command) : SlackInbound;

internal sealed record InteractionInbound(InteractionPayload Payload) : SlackInbound;

/// <param name="RetryNum">Slack's retry counter (<c>X-Slack-Retry-Num</c> / envelope <c>retry_attempt</c>).</param>
internal sealed record EventInbound(EventEnvelope Envelope, int? RetryNum) : SlackInbound;

/// <summary>The acknowledgement: an empty 200, a JSON body (slash answer, <c>response_action</c>) or a plain-text challenge.</summary>
internal sealed record SlackAck(JsonObject? Body = null, string? PlainText = null)
{
    public static readonly SlackAck Empty = new();
}

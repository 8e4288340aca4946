using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Slack.Wire;

namespace GtmBot.Slack.Inbound;

/// <summary>One inbound Slack request, whichever transport brought it (HTTP or Socket Mode): the single shape the dispatcher takes.</summary>
internal abstract record SlackInbound
{
    /// <summary>
    /// Throws <see cref="FormatException"/> (a 400) when an id that keys state or a cache (team, enterprise, user, channel,
    /// message and thread timestamps, event id) is longer than <see cref="SlackLimits.MaxIdLength"/>: Slack never sends such an
    /// id, and each one would otherwise become a cache key or a row the size of the request.
    /// </summary>
    public void CheckIds()
    {
        var tooLong = Ids().FirstOrDefault(id => id?.Length > SlackLimits.MaxIdLength);
        if (tooLong is not null)
        {
            throw new FormatException($"An id of {tooLong.Length} characters (at most {SlackLimits.MaxIdLength}).");
        }
    }

    private IEnumerable<string?> Ids() => this switch
    {
        SlashInbound { Command: var c } => [c.TeamId, c.EnterpriseId, c.ChannelId, c.UserId, c.ApiAppId],
        InteractionInbound { Payload: var p } =>
        [
            p.Team?.Id, p.Team?.EnterpriseId, p.Enterprise?.Id, p.User?.Id, p.User?.TeamId, p.Channel?.Id, p.Container?.ChannelId,
            p.Container?.MessageTs, p.Container?.ThreadTs, p.Message?.Ts, p.Message?.ThreadTs, p.Message?.User, p.MessageTs, p.ApiAppId,
        ],
        EventInbound { Envelope: var e } =>
        [
            e.TeamId, e.EnterpriseId, e.EventId, e.ApiAppId, e.Event?.UserId, e.Event?.ChannelId, e.Event?.Ts, e.Event?.ThreadTs,
            e.Event?.Item?.Channel, e.Event?.Item?.Ts, e.Event?.Team, .. (e.Authorizations ?? []).SelectMany(a => new[] { a?.TeamId, a?.EnterpriseId, a?.UserId }),
        ],
        _ => [],
    };
}

internal sealed record SlashInbound(SlashCommand Command) : SlackInbound;

internal sealed record InteractionInbound(InteractionPayload Payload) : SlackInbound;

/// <param name="RetryNum">Slack's retry counter (<c>X-Slack-Retry-Num</c> / envelope <c>retry_attempt</c>).</param>
internal sealed record EventInbound(EventEnvelope Envelope, int? RetryNum) : SlackInbound;

/// <summary>
/// The acknowledgement: an empty 200, a JSON body (<c>response_action</c>, a challenge), a slash command's answer
/// (<paramref name="Slash"/>: written straight to UTF-8 on HTTP, without a JSON tree) or a plain-text challenge.
/// </summary>
internal sealed record SlackAck(JsonObject? Body = null, string? PlainText = null, SlashResponse? Slash = null)
{
    public static readonly SlackAck Empty = new();

    /// <summary>The JSON body as a tree, for Socket Mode, which nests it in its envelope's acknowledgement.</summary>
    public JsonObject? BodyNode() =>
        Body ?? (Slash is null ? null : JsonSerializer.SerializeToNode(Slash, SlackJson.Default.SlashResponse)!.AsObject());
}

using System.Text.Json.Serialization;

namespace GtmBot.Engine;

/// <summary>Where a conversation happens: platform + workspace (Slack team / Teams tenant) + channel + optional thread.</summary>
public sealed record ConversationKey(string Platform, string Workspace, string Channel, string? Thread = null)
{
    /// <summary>The same channel without the thread: canvases, checklists and quotes belong to the channel.</summary>
    [JsonIgnore]
    public ConversationKey ChannelOnly => Thread is null ? this : this with { Thread = null };

    /// <summary>Platform + workspace: the tenant boundary every stored row carries.</summary>
    [JsonIgnore]
    public string WorkspaceKey => $"{Platform}:{Workspace}";

    /// <summary>The prefix of <see cref="Channel"/> that addresses one person's direct messages instead of a channel.</summary>
    public const string DirectPrefix = "@";

    /// <summary>A direct message to one person of a workspace; each messenger opens (or finds) the 1:1 conversation itself.</summary>
    public static ConversationKey Direct(string platform, string workspace, string userId) => new(platform, workspace, DirectPrefix + userId);

    /// <summary>True when this addresses a person (<see cref="Direct"/>), not a channel.</summary>
    [JsonIgnore]
    public bool IsDirect => Channel.StartsWith(DirectPrefix, StringComparison.Ordinal);

    /// <summary>The person a direct message goes to, or null for a channel.</summary>
    [JsonIgnore]
    public string? DirectUser => IsDirect ? Channel[DirectPrefix.Length..] : null;

    public override string ToString() => Thread is null ? $"{Platform}:{Workspace}:{Channel}" : $"{Platform}:{Workspace}:{Channel}:{Thread}";
}

/// <summary>Well-known platform names used in <see cref="ConversationKey.Platform"/>.</summary>
public static class Platforms
{
    public const string Local = "local";
    public const string Slack = "slack";
    public const string Teams = "teams";
}

/// <summary>The person who acted, as the platform names them; <paramref name="TimeZone"/> is an IANA id when the platform tells it.</summary>
public sealed record TurnUser(string Id, string? DisplayName = null, string? TimeZone = null)
{
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Id : DisplayName;
}

/// <summary>What the person did: typed a command, or pressed a button / submitted a form.</summary>
public abstract record TurnInput;

/// <summary>Command text after the bot's prefix (<c>/gtm</c> or an @mention), e.g. <c>canvas history</c>.</summary>
public sealed record CommandInput(string Text) : TurnInput;

/// <summary>A button press or form submission: action id (<c>flow.verb</c>), an optional value and the form's fields.</summary>
public sealed record ActionInput(string ActionId, string? Value, IReadOnlyDictionary<string, string?> Form) : TurnInput
{
    public ActionInput(string actionId, string? value = null) : this(actionId, value, new Dictionary<string, string?>()) { }

    /// <summary>A form field, trimmed; null when absent or blank.</summary>
    public string? Field(string id) => Form.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>One neutral inbound event, mapped by an edge (Slack, Teams, local page) from its wire payload.</summary>
/// <param name="Conversation">Where it happened.</param>
/// <param name="User">Who acted.</param>
/// <param name="Locale">The platform's locale for the user (e.g. <c>zh-CN</c>), when it tells one.</param>
/// <param name="Input">The command or action.</param>
/// <param name="SourceMessageId">The platform message the action came from (to replace it in place), if any.</param>
public sealed record Turn(ConversationKey Conversation, TurnUser User, string? Locale, TurnInput Input, string? SourceMessageId = null);

using GtmBot.Engine;
using GtmBot.Teams.Protocol;

namespace GtmBot.Teams;

/// <summary>
/// The display names of the people the bot has heard from (an activity's <c>from</c> and the people it mentions), so the
/// mentions in its cards show names instead of ids. Kept in memory: after a restart a name is known again once the person
/// writes; until then the card shows the id. Bounded: names not heard again within <see cref="Lifetime"/> are forgotten, at
/// most <see cref="MaxRemembered"/> are kept, and an id or a name longer than <see cref="MaxLength"/> is not kept at all.
/// </summary>
internal sealed class TeamsPeople(TimeProvider clock)
{
    /// <summary>Names kept at most.</summary>
    public const int MaxRemembered = 20_000;

    /// <summary>
    /// Longest id or name kept: a Microsoft Entra display name is at most 256 characters, and Teams user ids (<c>29:…</c>,
    /// object ids) are far shorter.
    /// </summary>
    /// <see href="https://learn.microsoft.com/graph/api/resources/user#properties"/>
    public const int MaxLength = 256;

    /// <summary>How long a name is kept after it was last heard.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ExpiringCache<string, string> _names = new(clock, Lifetime, MaxRemembered, StringComparer.Ordinal);

    /// <summary>Learns the sender's and the mentioned people's names, under every id the bot may store for them.</summary>
    public void Learn(Activity activity)
    {
        if (activity.From is { } from)
        {
            Remember(from.AadObjectId, from.Name);
            Remember(from.Id, from.Name);
        }

        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.Type == "mention" && mention.Mentioned is { } person && person.Id != activity.Recipient?.Id)
            {
                Remember(person.Id, person.Name);
                Remember(person.AadObjectId, person.Name);
            }
        }
    }

    /// <summary>The name of a user id, when known.</summary>
    public string? NameOf(string userId) => _names.TryGet(userId, out var name) ? name : null;

    private void Remember(string? id, string? name)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name) || id.Length > MaxLength || name.Trim().Length > MaxLength)
        {
            return;
        }

        _names.Set(id, name.Trim());
    }
}

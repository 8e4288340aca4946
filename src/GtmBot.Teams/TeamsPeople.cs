using System.Collections.Concurrent;
using GtmBot.Teams.Protocol;

namespace GtmBot.Teams;

/// <summary>
/// The display names of the people the bot has heard from (an activity's <c>from</c> and the people it mentions), so the
/// mentions in its cards show names instead of ids. Kept in memory: after a restart a name is known again once the person
/// writes; until then the card shows the id.
/// </summary>
internal sealed class TeamsPeople
{
    /// <summary>Names kept at most; past it, new people are not remembered (existing names still refresh).</summary>
    public const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

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
    public string? NameOf(string userId) => _names.TryGetValue(userId, out var name) ? name : null;

    private void Remember(string? id, string? name)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name) || (_names.Count >= MaxRemembered && !_names.ContainsKey(id)))
        {
            return;
        }

        _names[id] = name.Trim();
    }
}

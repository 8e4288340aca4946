using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Ports;

/// <summary>One section of the weekly digest: what is stale or new in one flow's data.</summary>
/// <param name="Title">Section title (plain text).</param>
/// <param name="Lines">Lines in neutral <see cref="Markup"/>; owners mentioned with <see cref="Markup.Mention"/>.</param>
/// <param name="Buttons">Buttons into the flow (e.g. open the canvas).</param>
/// <param name="Lead">
/// Shown first, before "what needs a look", and not counted as something needing attention (the stage's focus: what
/// matters most now, every week).
/// </param>
public sealed record DigestSection(string Title, IReadOnlyList<string> Lines, IReadOnlyList<Button> Buttons, bool Lead = false);

/// <summary>A flow's part of the weekly reminder digest. Each flow with stored data implements one.</summary>
public interface IDigestContributor
{
    /// <summary>Position in the digest (stage 0, canvas 10, checklist 20, objectives 25, quotes 30, whys 40).</summary>
    int Order { get; }

    /// <summary>The section, or null when everything of this flow is up to date.</summary>
    /// <param name="channel">The channel (no thread).</param>
    /// <param name="lang">The channel's language.</param>
    /// <param name="since">The last digest's time: "new since last week" counts from here.</param>
    /// <param name="now">Now, from the injected clock.</param>
    Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);
}

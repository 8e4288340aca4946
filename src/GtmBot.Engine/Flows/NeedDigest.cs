using GtmBot.Engine.Needs;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>The needs' part of the weekly digest: the week's status changes, highest priority first.</summary>
public sealed class NeedDigest(INeedStore needs, IQuoteStore quotes, ICustomerStore customers, ISettingsStore settings) : IDigestContributor
{
    /// <summary>Changes named in the digest.</summary>
    public const int MaxLines = 10;

    public int Order => 35;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changes = await needs.StatusChangesAsync(channel, since, now, cancellationToken);
        if (changes.Count == 0)
        {
            return null;
        }

        var evidence = await NeedEvidence.LoadAsync(quotes, customers, settings, channel, changes.Select(c => c.Need), cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lines = changes
            .Select(c => (c.Need, c.Change, Score: evidence.Score(c.Need, today).Score))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Need.Number).ThenBy(c => c.Change.Seq)
            .Take(MaxLines)
            .Select(c => NeedStrings.DigestLine.Format(
                lang,
                c.Need.Number,
                Markup.Escape(c.Need.Title),
                Status(lang, c.Change.OldValue),
                Status(lang, c.Change.NewValue),
                Markup.Mention(c.Change.By),
                c.Score))
            .ToList();
        return new DigestSection(NeedStrings.DigestTitle.Get(lang), lines, [new Button(NeedStrings.DigestButton.Get(lang), NeedActions.List)]);
    }

    private static string Status(Lang lang, string? value) =>
        Enum.TryParse<NeedStatus>(value, out var s) ? NeedStrings.Status(s).Get(lang) : Markup.Escape(value ?? string.Empty);
}

using System.Globalization;
using GtmBot.Engine.Dates;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>The objectives part of the weekly digest: joint objectives behind schedule, mentioning both owners.</summary>
public sealed class OkrDigest(IOkrStore store) : IDigestContributor
{
    public int Order => 25;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var behind = (await store.ListAsync(channel, cancellationToken)).Where(o => OkrSchedule.IsBehind(o, now)).ToList();
        if (behind.Count == 0)
        {
            return null;
        }

        var lines = behind.Select(o => OkrStrings.DigestLine.Format(
            lang,
            o.Number,
            Markup.Escape(o.Title),
            OkrSchedule.Percent(OkrSchedule.Progress(o)),
            OkrSchedule.Percent(OkrSchedule.TimeGone(o, now) ?? 0),
            o.Due!.Value.ToString(HumanDate.IsoFormat, CultureInfo.InvariantCulture),
            Markup.Mention(o.ProductOwner),
            Markup.Mention(o.SalesOwner))).ToList();
        return new DigestSection(OkrStrings.DigestTitle.Get(lang), lines, [new Button(OkrStrings.BoardTitle.Get(lang), OkrFlow.List, null)]);
    }
}

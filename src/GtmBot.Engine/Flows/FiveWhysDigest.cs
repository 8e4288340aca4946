using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>The five-whys part of the weekly digest: drills still open, and what each waits for.</summary>
public sealed class FiveWhysDigest(IDrillStore drills) : IDigestContributor
{
    private const int MaxButtons = 5;
    private const int ProblemClip = 80;

    public int Order => 40;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await drills.ListOpenAsync(channel, cancellationToken);
        if (open.Count == 0)
        {
            return null;
        }

        var lines = open.Select(d => FiveWhysStrings.DigestEntry.Format(
            lang, d.Number, Markup.Escape(PlanningText.Clip(d.Problem, ProblemClip)), FiveWhysStrings.StageName(d.Stage, d.Answers.Count).Get(lang))).ToList();
        var buttons = open.Take(MaxButtons)
            .Select(d => new Button(FiveWhysStrings.OpenButton.Format(lang, d.Number), FiveWhysFlow.Show, ActionValue.Join(d.Id)))
            .ToList();
        return new DigestSection(FiveWhysStrings.DigestTitle.Get(lang), lines, buttons);
    }
}

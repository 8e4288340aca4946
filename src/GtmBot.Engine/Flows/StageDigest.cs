using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>The weekly digest's lead: the checklist's life-cycle stage, the steps that matter most in it and the questions to ask.</summary>
public sealed class StageDigest(IChecklistStore store) : IDigestContributor
{
    public int Order => 0;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checklist = await store.FindAsync(channel, cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        var stage = ChecklistStrings.StageName(checklist.Stage).Get(lang);
        return new DigestSection(
            StageStrings.DigestTitle.Format(lang, stage, StagePlan.StepList(checklist.Stage, lang)),
            [.. StagePlan.For(checklist.Stage).Questions.Select(q => Markup.Escape(q.Get(lang)))],
            [new Button(ChecklistStrings.Title.Get(lang), ChecklistFlow.Show, null)],
            Lead: true);
    }
}

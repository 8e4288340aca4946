using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>
/// The stage-aware plan: for each life-cycle stage, the checklist steps and the questions that matter most then.
/// GTM starts at the idea (DESIGN §1), so the first stage is definition: market, customer and positioning come before any launch work.
/// </summary>
public static class StagePlan
{
    /// <summary>The stages in life-cycle order.</summary>
    public static IReadOnlyList<LifecycleStage> Stages { get; } = Enum.GetValues<LifecycleStage>();

    /// <summary>What matters most in one stage.</summary>
    public sealed record StageFocus(LifecycleStage Stage, IReadOnlyList<int> Steps, IReadOnlyList<Localized> Questions);

    private static readonly Dictionary<LifecycleStage, int[]> FocusSteps = new()
    {
        [LifecycleStage.Definition] = [1, 2, 3],
        [LifecycleStage.PreparingLaunch] = [4, 5, 6, 7],
        [LifecycleStage.Pilot] = [2, 3, 8],
        [LifecycleStage.Launch] = [4, 7, 8],
        [LifecycleStage.Scale] = [5, 6, 8],
        [LifecycleStage.Iterate] = [1, 3, 8],
        [LifecycleStage.Retire] = [6, 7, 8],
    };

    /// <summary>The focus of <paramref name="stage"/>.</summary>
    public static StageFocus For(LifecycleStage stage) => new(stage, FocusSteps[stage], StageStrings.Questions(stage));

    /// <summary>The stage a person typed, in English or Chinese ("preparing launch", "preparing-launch", "发布准备", "试点", …); null when unknown.</summary>
    public static LifecycleStage? Parse(string? text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var stage in Stages)
        {
            var name = ChecklistStrings.StageName(stage);
            if (key == Key(name.En) || key == Key(name.Zh) || key == Key(stage.ToString()) || Aliases(stage).Any(a => key == Key(a)))
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>Other words people use for a stage.</summary>
    private static string[] Aliases(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Definition => ["define", "idea", "构思"],
        LifecycleStage.PreparingLaunch => ["prepare", "pre-launch", "prelaunch", "准备发布", "上市准备"],
        LifecycleStage.Pilot => ["trial", "试用"],
        LifecycleStage.Scale => ["scaling", "扩张"],
        LifecycleStage.Iterate => ["iteration"],
        LifecycleStage.Retire => ["sunset", "下线"],
        _ => [],
    };

    /// <summary>Lower case without spaces, hyphens or underscores, so "Preparing launch", "preparing-launch" and "PreparingLaunch" match.</summary>
    private static string Key(string? text) =>
        new string([.. (text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_')]).ToLowerInvariant();

    /// <summary>The stage names as a person may type them, for a usage message.</summary>
    public static string Names(Lang lang) => Glossary.List(lang, Stages.Select(s => "`" + ChecklistStrings.StageName(s).Get(lang) + "`"));

    /// <summary>"Stage: pilot — focus on step 2 (…), step 3 (…)" and the stage's questions, in markup.</summary>
    public static IReadOnlyList<string> FocusLines(LifecycleStage stage, Lang lang)
    {
        var questions = string.Join(' ', For(stage).Questions.Select(q => q.Get(lang)));
        return
        [
            StageStrings.FocusLine.Format(lang, ChecklistStrings.StageName(stage).Get(lang), Markup.Escape(StepList(stage, lang))),
            StageStrings.AskLine.Format(lang, Markup.Escape(questions)),
        ];
    }

    /// <summary>"step 2 (Define the target customer), step 3 (…)" in plain text.</summary>
    public static string StepList(LifecycleStage stage, Lang lang) =>
        Glossary.List(lang, For(stage).Steps.Select(n => StageStrings.StepRef.Format(lang, n, ChecklistStrings.StepName(n).Get(lang))));
}

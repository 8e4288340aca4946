using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Flows;

public sealed class StagePlanTests
{
    [Fact]
    public void There_are_seven_stages_in_life_cycle_order_starting_at_definition()
    {
        Assert.Equal(
            [LifecycleStage.Definition, LifecycleStage.PreparingLaunch, LifecycleStage.Pilot, LifecycleStage.Launch, LifecycleStage.Scale, LifecycleStage.Iterate, LifecycleStage.Retire],
            StagePlan.Stages);
    }

    [Theory]
    [InlineData("definition", LifecycleStage.Definition)]
    [InlineData("定义", LifecycleStage.Definition)]
    [InlineData("Preparing launch", LifecycleStage.PreparingLaunch)]
    [InlineData("preparing-launch", LifecycleStage.PreparingLaunch)]
    [InlineData("PreparingLaunch", LifecycleStage.PreparingLaunch)]
    [InlineData("发布准备", LifecycleStage.PreparingLaunch)]
    [InlineData("准备发布", LifecycleStage.PreparingLaunch)]
    [InlineData("PILOT", LifecycleStage.Pilot)]
    [InlineData("试点", LifecycleStage.Pilot)]
    [InlineData("launch", LifecycleStage.Launch)]
    [InlineData("发布", LifecycleStage.Launch)]
    [InlineData("scale", LifecycleStage.Scale)]
    [InlineData("规模化", LifecycleStage.Scale)]
    [InlineData("iterate", LifecycleStage.Iterate)]
    [InlineData("迭代", LifecycleStage.Iterate)]
    [InlineData(" retire ", LifecycleStage.Retire)]
    [InlineData("退市", LifecycleStage.Retire)]
    public void Stage_names_are_read_in_english_and_chinese(string typed, LifecycleStage expected)
    {
        Assert.Equal(expected, StagePlan.Parse(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("growth")]
    [InlineData("上市")]
    [InlineData("7")]
    public void Anything_else_is_no_stage(string? typed)
    {
        Assert.Null(StagePlan.Parse(typed));
    }

    [Fact]
    public void Every_stage_names_real_steps_and_questions_in_both_languages()
    {
        foreach (var stage in StagePlan.Stages)
        {
            var focus = StagePlan.For(stage);
            Assert.NotEmpty(focus.Steps);
            Assert.All(focus.Steps, s => Assert.InRange(s, 1, ChecklistFlow.Steps));
            Assert.Equal(focus.Steps.Distinct().Count(), focus.Steps.Count);
            Assert.InRange(focus.Questions.Count, 2, 4);
            Assert.All(focus.Questions, q =>
            {
                Assert.EndsWith("?", q.En, StringComparison.Ordinal);
                Assert.EndsWith("？", q.Zh, StringComparison.Ordinal);
            });
            Assert.NotEqual(ChecklistStrings.StageName(stage).En, ChecklistStrings.StageName(stage).Zh);
        }

        // Each stage has its own focus: no two stages ask the same thing.
        Assert.Equal(StagePlan.Stages.Count, StagePlan.Stages.Select(s => string.Join('|', StagePlan.For(s).Steps)).Distinct().Count());
    }

    [Theory]
    [InlineData(LifecycleStage.Definition, new[] { 1, 2, 3 })]
    [InlineData(LifecycleStage.PreparingLaunch, new[] { 4, 5, 6, 7 })]
    [InlineData(LifecycleStage.Scale, new[] { 5, 6, 8 })]
    [InlineData(LifecycleStage.Retire, new[] { 6, 7, 8 })]
    public void The_method_s_steps_lead_each_stage(LifecycleStage stage, int[] steps)
    {
        Assert.Equal(steps, StagePlan.For(stage).Steps);
    }

    [Fact]
    public void Focus_lines_name_the_stage_its_steps_and_its_questions()
    {
        var en = StagePlan.FocusLines(LifecycleStage.Definition, Lang.En);
        Assert.Equal("**Stage: Definition** — focus on step 1 (Choose the target market), step 2 (Define the target customer), step 3 (Positioning and pricing)", en[0]);
        Assert.StartsWith("Ask: Who exactly do we sell to", en[1], StringComparison.Ordinal);
        var zh = StagePlan.FocusLines(LifecycleStage.Retire, Lang.Zh);
        Assert.Equal("**阶段：退市** —— 重点是第 6 步（销售目标与预算）、第 7 步（整合时间表）、第 8 步（执行、复盘与调整）", zh[0]);
        Assert.StartsWith("要问：还有谁依赖它", zh[1], StringComparison.Ordinal);
    }
}

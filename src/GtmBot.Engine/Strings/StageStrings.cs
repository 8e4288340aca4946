using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the stage-aware plan: what matters most in each life-cycle stage (the table is <c>Flows/StagePlan</c>).</summary>
public static class StageStrings
{
    public static readonly Localized FocusLine = new("**Stage: {0}** — focus on {1}", "**阶段：{0}** —— 重点是{1}");
    public static readonly Localized AskLine = new("Ask: {0}", "要问：{0}");
    public static readonly Localized StepRef = new("step {0} ({1})", "第 {0} 步（{1}）");
    public static readonly Localized FocusMark = new("⭐ focus now", "⭐ 当前重点");
    public static readonly Localized DigestTitle = new("Stage: {0} — focus on {1}", "阶段：{0} —— 重点是{1}");
    public static readonly Localized Usage = new(
        "Which stage? Say `/gtm checklist stage <stage>` with one of: {0}.",
        "哪个阶段？请用 `/gtm 清单 阶段 <阶段>`，可选：{0}。");
    public static readonly Localized Unknown = new(
        "I don't know the stage “{0}”. The stages are: {1}.",
        "我不认识阶段“{0}”。可选阶段：{1}。");
    public static readonly Localized Unchanged = new("The stage is already {0}.", "阶段已经是 {0}。");

    /// <summary>The questions that matter most in a stage, drawn from the 8-step checklist and the 4W1H canvas.</summary>
    public static IReadOnlyList<Localized> Questions(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Definition =>
        [
            new("Who exactly do we sell to — industry, region, size, buyer and user?", "到底卖给谁——行业、地区、规模、购买者与使用者？"),
            new("Which job are they trying to get done: a need or a want, and what pain is behind it?", "客户要完成什么任务？是“需要”还是“想要”？背后的痛点是什么？"),
            new("Why would they choose us over a competitor, Excel or doing nothing?", "客户为什么选我们，而不是竞品、Excel 或什么都不做？"),
        ],
        LifecycleStage.PreparingLaunch =>
        [
            new("Is there one message, told in each audience's words?", "是否有一致的核心信息，并用各受众的语言讲述？"),
            new("Which channels and partners reach the target customers, and are the partners enabled?", "用哪些渠道和合作伙伴触达目标客户？合作伙伴是否已被赋能？"),
            new("What sales target and budget, and when do we break even?", "销售目标和预算是多少？何时收支平衡？"),
            new("Who does what, and when, before launch day?", "发布前谁在什么时间做什么？"),
        ],
        LifecycleStage.Pilot =>
        [
            new("Do the pilot customers match the persona, and does the product do their job?", "试点客户符合客户画像吗？产品真的完成了他们的任务吗？"),
            new("Which selling points did pilot customers confirm, and which price did they accept?", "试点客户认可了哪些卖点？接受了什么价格？"),
            new("What did sales and support hear this week, and what do we change?", "本周销售和客服听到了什么？我们要改什么？"),
        ],
        LifecycleStage.Launch =>
        [
            new("Does every event, ad and meeting tell the same message in the audience's words?", "每场活动、每条广告、每次会议讲的都是同一个信息、用的是受众的语言吗？"),
            new("Is everyone on the timeline delivering on date?", "时间表上的每个人都按期交付了吗？"),
            new("Which objections do sales hear, and do we answer them?", "销售听到了哪些异议？我们有回应吗？"),
        ],
        LifecycleStage.Scale =>
        [
            new("Which partners bring customers, and what do they need to sell more?", "哪些合作伙伴带来了客户？他们还需要什么才能卖得更多？"),
            new("Are we on track for the sales target, within budget?", "销售目标是否按计划推进？预算是否可控？"),
            new("Which needs are common across many customers, not one loud account?", "哪些需求是许多客户共有的，而不是某一个大客户的声音？"),
        ],
        LifecycleStage.Iterate =>
        [
            new("What changed in the market and among competitors?", "市场和竞品发生了什么变化？"),
            new("Which common needs go into the next version — must, should, could?", "哪些共性需求进入下一版本——必须、应该、可以？"),
            new("Do the positioning and the price still hold?", "定位和价格还成立吗？"),
        ],
        _ =>
        [
            new("Who still depends on it, and where do we move them?", "还有谁依赖它？把他们迁移到哪里？"),
            new("What does keeping it cost against retiring it?", "继续维护的成本与退市相比如何？"),
            new("Who tells customers, partners and sales what, and when?", "由谁在什么时候告诉客户、合作伙伴和销售什么？"),
        ],
    };
}

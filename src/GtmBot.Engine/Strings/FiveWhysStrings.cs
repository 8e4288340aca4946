using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the five-whys drill.</summary>
public static class FiveWhysStrings
{
    public static readonly Localized Help = new(
        "`/gtm why <problem>` — drill to the root cause by asking why up to five times; `/gtm why list`",
        "`/gtm why <问题>`（或 `/gtm 为什么`）—— 最多追问五次“为什么”，找到根本原因；`/gtm why list`");

    public static readonly Localized Usage = new(
        "Usage: `/gtm why <problem statement>`, e.g. `/gtm why sales can't find last quarter's call notes`. `/gtm why list` shows every drill.",
        "用法：`/gtm why <问题描述>`，例如 `/gtm why 销售找不到上季度的通话记录`。`/gtm why list` 列出所有追问。");

    public static readonly Localized Title = new("Five whys #{0}", "五问法 #{0}");
    public static readonly Localized Problem = new("**Problem:** {0}", "**问题：**{0}");
    public static readonly Localized Method = new(
        "People don't decide fully rationally: keep asking why until the real motive shows. Which _job_ (not function) do they need done? Why do they feel this pain _now_? After the whys you pick the root cause.",
        "人的决定并不完全理性：不断追问“为什么”，直到真实动机浮现。客户要完成的是什么“任务”（而非功能）？为什么他们“现在”感到痛？问完之后由你们选出根本原因。");
    public static readonly Localized AnswerLine = new("**Why {0}?** {1} — {2}", "**为什么 {0}？**{1} —— {2}");
    public static readonly Localized NextWhy = new("**Why {0}?** {1}", "**为什么 {0}？**{1}");
    public static readonly Localized AnswerButton = new("Answer why {0}", "回答第 {0} 个为什么");
    public static readonly Localized StopButton = new("Root cause found", "已找到根本原因");
    public static readonly Localized WhyUsAsk = new(
        "**Why would they choose us?** Optional: why us and not an alternative (a competitor, Excel, doing nothing)? That answer is the positioning — it can go into the canvas's What.",
        "**客户为什么会选我们？**（可选）为什么选我们，而不是其他方案（竞品、Excel、什么都不做）？这个回答就是定位——可以写进画布的 What。");
    public static readonly Localized WhyUsButton = new("Answer why us", "回答“为什么选我们”");
    public static readonly Localized WhyUsSkipButton = new("Skip", "跳过");
    public static readonly Localized WhyUsTitle = new("Why would they choose us?", "客户为什么会选我们？");
    public static readonly Localized WhyUsLabel = new("Why us and not an alternative?", "为什么选我们，而不是其他方案？");
    public static readonly Localized WhyUsHint = new("e.g. only we keep an audit trail their regulator accepts", "例如：只有我们的审计记录能被监管机构认可");
    public static readonly Localized WhyUsLine = new("**Why us:** {0} — {1}", "**为什么选我们：**{0} —— {1}");
    public static readonly Localized WhyUsNoted = new("Noted why us. Now pick the root cause.", "已记录“为什么选我们”。下一步：选出根本原因。");
    public static readonly Localized WhyUsSkipped = new("Skipped why us. Now pick the root cause.", "已跳过“为什么选我们”。下一步：选出根本原因。");
    public static readonly Localized PickAsk = new(
        "**Which answer is the root cause?** Pick the why that names the real motive — not a solution — or write it in your own words.",
        "**哪个回答是根本原因？**选出道出真实动机（而不是解决方案）的那个为什么，或者用自己的话写下来。");
    public static readonly Localized PickButton = new("Why {0} is the root cause", "第 {0} 个为什么是根本原因");
    public static readonly Localized OwnButton = new("Write it myself", "自己写根本原因");
    public static readonly Localized OwnTitle = new("The root cause", "根本原因");
    public static readonly Localized OwnLabel = new("The root cause of: {0}", "以下问题的根本原因：{0}");
    public static readonly Localized OwnSend = new("Keep", "保存");
    public static readonly Localized PickedFrom = new("(why {0}, picked by {1})", "（第 {0} 个为什么，由 {1} 选定）");
    public static readonly Localized WrittenBy = new("(written by {0})", "（由 {0} 撰写）");
    public static readonly Localized RootCauseKept = new("Root cause kept. Now: is it a need or a want?", "已保存根本原因。下一步：这是“需要”还是“想要”？");
    public static readonly Localized ApplyWhyUsText = new("{0} (five whys #{1}: {2})", "{0}（五问法 #{1}：{2}）");
    public static readonly Localized RootCause = new("**Root cause:** {0}", "**根本原因：**{0}");
    public static readonly Localized AskNeedOrWant = new("Is this a **need** or a **want**?", "这是“**需要**”还是“**想要**”？");
    public static readonly Localized NeedOrWantGuide = new(
        "A _need_ is objective and rational — they must have it (compliance, a boss's deadline, the work can't be done without it); often a buying point. A _want_ is subjective and emotional — easier, faster, in control, looking good; it hides a pain point. Both matter: label them.",
        "“需要”是客观、理性的——必须拥有（合规、上级的期限、没有它工作无法完成），常是购买点。“想要”是主观、感性的——更轻松、更快、有掌控感、更体面，背后藏着痛点。两者都重要：贴上标签。");
    public static readonly Localized NeedButton = new("Need", "需要");
    public static readonly Localized WantButton = new("Want", "想要");
    public static readonly Localized MotiveLine = new("**Need or want:** {0}", "**需要还是想要：**{0}");
    public static readonly Localized Offer = new(
        "Write the result into the canvas? **Why** holds the need; choose **What** when the chain answered “why us” — that answer is the positioning.",
        "把结论写进画布吗？**Why** 记录需求；如果这串追问回答的是“为什么选我们”，请选 **What** —— 那就是定位。");
    public static readonly Localized IntoWhy = new("Into canvas Why", "写入画布 Why");
    public static readonly Localized IntoWhat = new("Into canvas What", "写入画布 What");
    public static readonly Localized NoThanks = new("Not now", "暂不写入");
    public static readonly Localized Applied = new("Written into canvas **{0}** · {1}.", "已写入画布 **{0}** · {1}。");
    public static readonly Localized Closed = new("Closed without updating the canvas.", "已结束，未更新画布。");
    public static readonly Localized StartedBy = new("started by {0}, {1}", "由 {0} 于 {1} 发起");

    public static readonly Localized AnswerFormTitle = new("Why {0}?", "为什么 {0}？");
    public static readonly Localized AnswerLabel = new("Why? (answer to: {0})", "为什么？（针对：{0}）");
    public static readonly Localized AnswerSend = new("Answer", "回答");
    public static readonly Localized Thanks = new("Noted why {0}.", "已记录第 {0} 个为什么。");
    public static readonly Localized AlreadyAnswered = new(
        "Someone answered why {0} a moment ago: “{1}”. Your text is kept below — send it to answer why {2}.",
        "刚刚已有人回答了第 {0} 个为什么：“{1}”。你的文字保留在下方——发送即可回答第 {2} 个为什么。");
    public static readonly Localized MovedOn = new(
        "This drill has moved on (the team stopped asking why). Your text, so it isn't lost: {0}",
        "这次追问已进入下一步（团队已停止追问）。你的文字保留如下：{0}");
    public static readonly Localized Stopped = new("No more whys. Optionally say why they would choose us, then pick the root cause.", "不再追问。可以先回答“客户为什么会选我们”，然后选出根本原因。");
    public static readonly Localized MotiveSet = new("Marked as {0}. Write it into the canvas?", "已标记为“{0}”。要写入画布吗？");
    public static readonly Localized NoAnswerYet = new("Answer at least one why before calling the root cause.", "请至少回答一个为什么，再确定根本原因。");
    public static readonly Localized StaleButton = new("That step is already done; here is the drill as it stands.", "这一步已经完成；以下是当前的追问。");

    public static readonly Localized ApplyFormTitle = new("Write into canvas", "写入画布");
    public static readonly Localized CanvasLabel = new("Canvas", "画布");
    public static readonly Localized ApplyTextLabel = new("Text to add to {0}", "添加到 {0} 的文字");
    public static readonly Localized ApplyText = new("{0} — {1} (five whys #{2}: {3})", "{0} —— {1}（五问法 #{2}：{3}）");
    public static readonly Localized ApplySend = new("Write", "写入");

    public static readonly Localized ListTitle = new("Five-whys drills", "五问法记录");
    public static readonly Localized ListEmpty = new("No drill yet. Start one with `/gtm why <problem>`.", "还没有追问。用 `/gtm why <问题>` 开始。");
    public static readonly Localized ListEntry = new("**#{0}** {1} · {2} · {3}", "**#{0}** {1} · {2} · {3}");
    public static readonly Localized OpenButton = new("Open #{0}", "打开 #{0}");

    public static readonly Localized DigestTitle = new("Five whys still open", "尚未完成的五问法");
    public static readonly Localized DigestEntry = new("#{0} {1} — {2}", "#{0} {1} —— {2}");

    public static Localized StageName(DrillStage stage, int answers) => stage switch
    {
        DrillStage.Asking => new($"waiting for why {answers + 1}", $"等待第 {answers + 1} 个为什么"),
        DrillStage.WhyUs => new("why us? (optional)", "为什么选我们？（可选）"),
        DrillStage.PickRoot => new("pick the root cause", "待选出根本原因"),
        DrillStage.NeedOrWant => new("need or want?", "需要还是想要？"),
        DrillStage.Offer => new("canvas update offered", "待决定是否写入画布"),
        _ => new("done", "已完成"),
    };

    public static Localized MotiveName(Motive motive) => motive switch
    {
        Motive.Need => new("Need", "需要"),
        Motive.Want => new("Want", "想要"),
        _ => new("Unclear", "未定"),
    };

    /// <summary>
    /// What to look for at each why (DESIGN §1: the job, the pain now). Every step is a "why" about the customer, the fifth
    /// too; "why would they choose us?" is a positioning question, asked through the canvas's What, not a fifth why.
    /// </summary>
    public static Localized Hint(int step) => step switch
    {
        1 => new("Why is this a problem for them? Which job are they trying to get done?", "这为什么是他们的问题？他们想完成什么任务？"),
        2 => new("Why does that job matter — what happens if it isn't done?", "这个任务为什么重要？做不成会怎样？"),
        3 => new("Why do they feel this pain now?", "为什么他们现在感到这个痛点？"),
        4 => new("Why haven't existing options (a competitor, Excel, doing nothing) solved it?", "为什么现有方案（竞品、Excel、什么都不做）没有解决它？"),
        _ => new("Why, once more: what is behind that answer? Stop here if it is the real motive.", "再问一次为什么：这个回答背后是什么？如果这就是真正的动机，就到此为止。"),
    };
}

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the joint objectives and key results on checklist step 6.</summary>
public static class OkrStrings
{
    public static readonly Localized Help = new(
        "`/gtm okr new <objective> product @a sales @b [due <date>]` — a joint objective of product and sales (checklist step 6); `/gtm okr <n> kr add <text> target <number> [unit]`, `/gtm okr <n> kr <k> progress <value>`, `/gtm okr <n>`, `/gtm okrs`",
        "`/gtm okr 新建 <目标> 产品 @a 销售 @b [截止 <日期>]` —— 产品与销售共同负责的目标（清单第 6 步）；`/gtm okr <n> kr 添加 <内容> 目标 <数字> [单位]`、`/gtm okr <n> kr <k> 进度 <数值>`、`/gtm okr <n>`、`/gtm okrs`");

    public static readonly Localized BoardTitle = new("Joint objectives · step 6", "共同目标 · 第 6 步");
    public static readonly Localized BoardIntro = new(
        "Sales targets and budget, owned jointly by product and sales. Behind schedule: progress trails the time gone by more than {0}.",
        "销售目标与预算，由产品与销售共同负责。落后于计划：进度比已过时间落后超过 {0}。");
    public static readonly Localized BoardEmpty = new(
        "No objectives yet. Add one with `/gtm okr new <objective> product @a sales @b due <date>` or the button below.",
        "还没有目标。用 `/gtm okr 新建 <目标> 产品 @a 销售 @b 截止 <日期>` 或下方按钮添加。");
    public static readonly Localized ObjectiveLine = new("**{0}. {1}** · product {2} · sales {3} · {4}", "**{0}. {1}** · 产品 {2} · 销售 {3} · {4}");
    public static readonly Localized DueOn = new("due {0}", "截止 {0}");
    public static readonly Localized NoDue = new("no due date", "无截止日期");
    public static readonly Localized ProgressLine = new("{0} done · {1} of the time gone", "已完成 {0} · 时间已过 {1}");
    public static readonly Localized ProgressNoDue = new("{0} done", "已完成 {0}");
    public static readonly Localized Behind = new("⚠ **behind schedule**", "⚠ **落后于计划**");
    public static readonly Localized OnTrack = new("on track", "按计划推进");
    public static readonly Localized KeyResultLine = new("{0}.{1} {2} — {3} / {4} {5}", "{0}.{1} {2} —— {3} / {4} {5}");
    public static readonly Localized NoKeyResults = new("No key results yet.", "还没有关键结果。");
    public static readonly Localized NewButton = new("New objective", "新建目标");
    public static readonly Localized AddKeyResultButton = new("Add key result", "添加关键结果");
    public static readonly Localized ProgressButton = new("Update progress", "更新进度");

    public static readonly Localized NewFormTitle = new("New objective", "新建目标");
    public static readonly Localized TitleLabel = new("Objective", "目标");
    public static readonly Localized TitlePlaceholder = new("Win 10 paying pilot customers in manufacturing", "在制造业赢得 10 个付费试点客户");
    public static readonly Localized ProductLabel = new("Product owner", "产品负责人");
    public static readonly Localized SalesLabel = new("Sales owner", "销售负责人");
    public static readonly Localized DueLabel = new("Due date", "截止日期");
    public static readonly Localized DuePlaceholder = new("2027-03-31, Mar 31, in 12 weeks…", "2027-03-31、3月31日、12周后……");
    public static readonly Localized KeyResultFormTitle = new("Key result for {0}", "目标 {0} 的关键结果");
    public static readonly Localized KeyResultLabel = new("Key result", "关键结果");
    public static readonly Localized TargetLabel = new("Target (a number)", "目标值（数字）");
    public static readonly Localized UnitLabel = new("Unit (optional)", "单位（可选）");
    public static readonly Localized ProgressFormTitle = new("Progress of {0}", "目标 {0} 的进度");
    public static readonly Localized WhichKeyResult = new("Key result", "关键结果");
    public static readonly Localized ValueLabel = new("Reached so far (a number)", "目前达到（数字）");

    public static readonly Localized Created = new("Objective {0} added: {1}.", "已添加目标 {0}：{1}。");
    public static readonly Localized KeyResultAdded = new("Key result {0}.{1} added.", "已添加关键结果 {0}.{1}。");
    public static readonly Localized ProgressSaved = new("Progress of {0}.{1} set to {2}.", "{0}.{1} 的进度已设为 {2}。");

    public static readonly Localized MissingProduct = new(
        "Every objective needs a product owner: add `product @name`.",
        "每个目标都需要一位产品负责人：请加上 `产品 @姓名`。");
    public static readonly Localized MissingSales = new(
        "Every objective needs a sales owner: add `sales @name`.",
        "每个目标都需要一位销售负责人：请加上 `销售 @姓名`。");
    public static readonly Localized BadOwner = new("An owner is too long: at most {0} characters.", "负责人太长：最多 {0} 个字符。");
    public static readonly Localized BadDate = new(
        "I can't read “{0}” as a date. Try 2027-03-31, 3/31, Mar 31 or in 12 weeks.",
        "无法把“{0}”识别为日期。可以写 2027-03-31、3月31日或12周后。");
    public static readonly Localized PastDate = new("The due date {0} has already passed.", "截止日期 {0} 已经过去了。");
    public static readonly Localized BadNumber = new("I can't read “{0}” as a number.", "无法把“{0}”识别为数字。");
    public static readonly Localized NegativeTarget = new("The target must be above zero (got {0}).", "目标值必须大于零（收到的是 {0}）。");
    public static readonly Localized NegativeProgress = new("Progress can't be negative (got {0}).", "进度不能为负数（收到的是 {0}）。");
    public static readonly Localized UnitTooLong = new("The unit is too long: at most {0} characters.", "单位太长：最多 {0} 个字符。");
    public static readonly Localized UnknownObjective = new(
        "There is no objective {0} in this channel. `/gtm okrs` lists them.",
        "本频道没有目标 {0}。用 `/gtm okrs` 查看全部目标。");
    public static readonly Localized UnknownKeyResult = new(
        "Objective {0} has no key result {1}. `/gtm okr {0}` shows its key results.",
        "目标 {0} 没有关键结果 {1}。用 `/gtm okr {0}` 查看它的关键结果。");
    public static readonly Localized NoKeyResultsYet = new(
        "Objective {0} has no key results yet: add one with `/gtm okr {0} kr add <text> target <number>`.",
        "目标 {0} 还没有关键结果：用 `/gtm okr {0} kr 添加 <内容> 目标 <数字>` 添加。");
    public static readonly Localized MissingTarget = new(
        "Say the target: `/gtm okr {0} kr add <text> target <number> [unit]`.",
        "请写上目标值：`/gtm okr {0} kr 添加 <内容> 目标 <数字> [单位]`。");
    public static readonly Localized TargetEmpty = new("Please give the target as a number above zero.", "请填写目标值：一个大于零的数字。");
    public static readonly Localized TooManyKeyResults = new(
        "Objective {0} already has {1} key results, the most it can have: keep a few measurable results, not a task list.",
        "目标 {0} 已有 {1} 个关键结果，已达上限：保留少数可衡量的结果，而不是任务清单。");
    public static readonly Localized Usage = new(
        "Try `/gtm okr new <objective> product @a sales @b due <date>`, `/gtm okr <n> kr add <text> target <number> [unit]`, `/gtm okr <n> kr <k> progress <value>`, `/gtm okr <n>` or `/gtm okrs`.",
        "可以用 `/gtm okr 新建 <目标> 产品 @a 销售 @b 截止 <日期>`、`/gtm okr <n> kr 添加 <内容> 目标 <数字> [单位]`、`/gtm okr <n> kr <k> 进度 <数值>`、`/gtm okr <n>` 或 `/gtm okrs`。");

    public static readonly Localized ChecklistCount = new(
        "🎯 Joint objectives: {0} ({1} behind schedule) — `/gtm okrs`",
        "🎯 共同目标：{0} 个（{1} 个落后于计划）—— `/gtm okrs`");
    public static readonly Localized ChecklistNone = new(
        "🎯 No joint objectives yet — `/gtm okr new <objective> product @a sales @b due <date>`",
        "🎯 还没有共同目标 —— `/gtm okr 新建 <目标> 产品 @a 销售 @b 截止 <日期>`");

    public static readonly Localized DigestTitle = new("Objectives behind schedule", "落后于计划的目标");
    public static readonly Localized DigestLine = new(
        "{0}. {1}: {2} done, {3} of the time gone (due {4}) — {5} {6}",
        "{0}. {1}：已完成 {2}，时间已过 {3}（截止 {4}）—— {5} {6}");
}

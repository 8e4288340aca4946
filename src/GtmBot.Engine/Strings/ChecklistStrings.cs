using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the 8-step GTM checklist.</summary>
public static class ChecklistStrings
{
    public static readonly Localized Help = new(
        "`/gtm checklist` — the 8-step GTM checklist with owners, due dates and the life-cycle stage; `/gtm checklist stage pilot` sets the stage; `/gtm checklist history`; `/gtm checklist details` (hints, notes, last changes)",
        "`/gtm checklist`（或 `/gtm 清单`）—— 8 步产品上市清单：负责人、截止日期、产品生命周期阶段；`/gtm 清单 阶段 试点` 设置阶段；`/gtm checklist history`；`/gtm 清单 详情`（提示、备注、最近修改）");

    public static readonly Localized Title = new("GTM checklist", "GTM 产品上市清单");
    public static readonly Localized Intro = new(
        "GTM starts at the idea, not at launch: it spans the whole life cycle and needs R&D, product, marketing, sales and partners pulling together.",
        "产品上市从想法开始，而不是从发布开始：它贯穿整个生命周期，需要研发、产品、市场、销售和合作伙伴协同。");
    public static readonly Localized ItemLine = new("**{0}. {1}** · {2}", "**{0}. {1}** · {2}");
    public static readonly Localized Owner = new("owner {0}", "负责人 {0}");
    public static readonly Localized NoOwner = new("no owner", "无负责人");
    public static readonly Localized Due = new("due {0}", "截止 {0}");
    public static readonly Localized Overdue = new("⚠ **overdue**", "⚠ **已逾期**");
    public static readonly Localized EditButton = new("Owner · due · note", "负责人·截止·备注");
    public static readonly Localized StageMenu = new("Life-cycle stage", "生命周期阶段");
    public static readonly Localized StepMenu = new("Step {0}", "第 {0} 步");
    public static readonly Localized MoreButton = new("More: hints, notes, changes", "更多：提示、备注、修改");
    public static readonly Localized DetailsTitle = new("GTM checklist — details", "GTM 产品上市清单 —— 详情");
    public static readonly Localized NoneYet = new("This channel has no checklist yet: `/gtm checklist` starts one.", "本频道还没有清单：输入 `/gtm checklist` 创建。");
    public static readonly Localized LastChange = new("last change {0} by {1}", "最近修改：{0}，{1}");
    public static readonly Localized FormTitle = new("Step {0}", "第 {0} 步");
    public static readonly Localized OwnerLabel = new("Owner", "负责人");
    public static readonly Localized DueLabel = new("Due date", "截止日期");
    public static readonly Localized DuePlaceholder = new("2026-12-15, Dec 15, next Friday, in 2 weeks…", "2026-12-15、12月15日、下周五、两周后……");
    public static readonly Localized ConfirmDate = new(
        "“{0}” is {1}. Save again to set this due date, or change it.",
        "“{0}” 是 {1}。再次保存即设为截止日期，也可以修改。");
    public static readonly Localized NoteLabel = new("Note", "备注");
    public static readonly Localized BadDate = new(
        "I can't read “{0}” as a date. Try 2026-12-31, 12/31, Dec 31, next Friday or in 2 weeks.",
        "无法把“{0}”识别为日期。可以写 2026-12-31、12月31日、下周五或两周后。");
    public static readonly Localized BadOwner = new("The owner is too long: at most {0} characters.", "负责人太长：最多 {0} 个字符。");
    public static readonly Localized Saved = new("Step {0} updated.", "第 {0} 步已更新。");
    public static readonly Localized StageSaved = new("Life-cycle stage set to {0}.", "生命周期阶段已设为 {0}。");
    public static readonly Localized Conflict = new(
        "{0} changed step {1} while you were editing ({2}); nothing was overwritten. Check the current values below and save again.",
        "你编辑期间 {0} 修改了第 {1} 步（{2}）；没有覆盖任何内容。请查看下方当前内容后再保存。");
    public static readonly Localized StageConflict = new(
        "Someone changed the checklist's stage meanwhile; nothing was overwritten. Here is the current checklist.",
        "期间有人修改了清单的阶段；没有覆盖任何内容。以下是当前清单。");
    public static readonly Localized HistoryTitle = new("Checklist history", "清单修改记录");
    public static readonly Localized HistoryEmpty = new("No changes yet.", "还没有修改。");
    public static readonly Localized HistoryEntry = new("{0} · {1} · {2} · {3}: {4} → {5}", "{0} · {1} · {2} · {3}：{4} → {5}");
    public static readonly Localized HistoryStage = new("stage", "阶段");
    public static readonly Localized HistoryNothing = new("—", "—");

    /// <summary>Names of the changed properties in the history.</summary>
    public static Localized PropertyName(string property) => property switch
    {
        "status" => new("status", "状态"),
        "owner" => new("owner", "负责人"),
        "due" => new("due date", "截止日期"),
        "note" => new("note", "备注"),
        _ => new("stage", "阶段"),
    };

    public static readonly Localized DigestTitle = new("GTM checklist", "GTM 产品上市清单");
    public static readonly Localized DigestOverdue = new("Step {0}. {1} is overdue (due {2}) — {3}", "第 {0} 步 {1} 已逾期（截止 {2}）—— {3}");
    public static readonly Localized DigestStale = new("Step {0}. {1} is {2} with no update for {3}+ weeks — {4}", "第 {0} 步 {1} 处于“{2}”，超过 {3} 周没有更新 —— {4}");

    /// <summary>The 8 GTM steps of DESIGN §1.</summary>
    public static Localized StepName(int step) => step switch
    {
        1 => new("Choose the target market", "选择目标市场"),
        2 => new("Define the target customer", "定义目标客户"),
        3 => new("Positioning and pricing", "定位与定价"),
        4 => new("Message house and integrated marketing plan", "信息屋与整合营销计划"),
        5 => new("Partner plan", "合作伙伴计划"),
        6 => new("Sales targets and budget", "销售目标与预算"),
        7 => new("Integrated timeline", "整合时间表"),
        _ => new("Execute, then review and adjust", "执行、复盘与调整"),
    };

    /// <summary>One-line hint of each step.</summary>
    public static Localized StepHint(int step) => step switch
    {
        1 => new("Market and trend analysis; competitors' features and prices; first-hand feedback from sales.", "市场与趋势分析；竞品功能与价格分析；来自销售的一手反馈。"),
        2 => new("Persona: industry, region, company size, buyer and user roles.", "客户画像：行业、地区、企业规模、购买者与使用者角色。"),
        3 => new("Selling points, what is unique, price.", "卖点、独特之处、价格。"),
        4 => new("One consistent message in each audience's words; events, ads, launch, key-account meetings.", "一致的核心信息，用各受众的语言讲述；活动、广告、发布会、大客户会议。"),
        5 => new("Recruit and enable partners.", "招募并赋能合作伙伴。"),
        6 => new("What target, what spend, when do we break even?", "目标多少、投入多少、何时收支平衡？"),
        7 => new("Who does what when.", "谁在什么时间做什么。"),
        _ => new("Delivery slips, sales lag: meet and re-plan.", "交付延期、销售滞后：开会复盘、重新规划。"),
    };

    public static Localized StatusName(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Todo => new("⬜ To do", "⬜ 待办"),
        ChecklistStatus.Doing => new("🔄 Doing", "🔄 进行中"),
        ChecklistStatus.Done => new("✅ Done", "✅ 完成"),
        _ => new("⛔ Blocked", "⛔ 受阻"),
    };

    public static Localized StageName(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Definition => Glossary.Definition,
        LifecycleStage.PreparingLaunch => Glossary.PreparingLaunch,
        LifecycleStage.Pilot => Glossary.Pilot,
        LifecycleStage.Launch => Glossary.Launch,
        LifecycleStage.Scale => Glossary.Scale,
        LifecycleStage.Iterate => Glossary.Iterate,
        _ => Glossary.Retire,
    };
}

using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the 4W1H canvas.</summary>
public static class CanvasStrings
{
    public static readonly Localized Help = new(
        "`/gtm canvas [product]` — the 4W1H canvas (Who, Why, How, What, Where); `/gtm canvas history [product]`, `/gtm canvas list`",
        "`/gtm canvas [产品]`（或 `/gtm 画布`）—— 4W1H 画布（谁、为什么、如何、什么、哪里）；`/gtm canvas history [产品]`、`/gtm canvas list`");

    public static readonly Localized Title = new("4W1H canvas · {0}", "4W1H 画布 · {0}");
    public static readonly Localized Intro = new(
        "Five questions every go-to-market plan answers. Press a button to fill in a field; every change is kept.",
        "每个产品上市计划都要回答的五个问题。点按钮填写字段；每次修改都会保留记录。");
    public static readonly Localized EmptyValue = new("_(not filled in yet)_", "_（尚未填写）_");
    public static readonly Localized LastEdit = new("last edited by {0}, {1}", "最后由 {0} 于 {1} 编辑");
    public static readonly Localized NeedOrWant = new("**Need or want:** {0}", "**需要还是想要：**{0}");
    public static readonly Localized EditButton = new("Edit {0}", "编辑 {0}");
    public static readonly Localized HistoryButton = new("History", "修改记录");
    public static readonly Localized FormTitle = new("Edit {0}", "编辑 {0}");
    public static readonly Localized MotiveLabel = new("Is it a need or a want?", "这是“需要”还是“想要”？");
    public static readonly Localized Saved = new("Saved **{0}** of canvas {1}.", "已保存画布 {1} 的 **{0}**。");
    public static readonly Localized Conflict = new(
        "{0} changed this field while you were editing ({1}). It now reads:\n{2}\nYour text is kept below: merge it and save again to replace theirs.",
        "你编辑期间 {0} 修改了这个字段（{1}）。当前内容：\n{2}\n你的文字保留在下方：合并后再次保存即可替换。");
    public static readonly Localized HistoryTitle = new("Canvas history", "画布修改记录");
    public static readonly Localized HistoryTitleOf = new("Canvas history · {0}", "画布修改记录 · {0}");
    public static readonly Localized HistoryEmpty = new("No changes yet. Fill in a field with `/gtm canvas`.", "还没有修改。用 `/gtm canvas` 填写字段。");
    public static readonly Localized HistoryEntry = new("{0} · {1} · **{2}** ({3}): {4} → {5}", "{0} · {1} · **{2}**（{3}）：{4} → {5}");
    public static readonly Localized HistoryNothing = new("_(empty)_", "_（空）_");
    public static readonly Localized ListTitle = new("Canvases of this channel", "本频道的画布");
    public static readonly Localized ListEmpty = new("No canvas yet. Start one with `/gtm canvas [product]`.", "还没有画布。用 `/gtm canvas [产品]` 新建一个。");
    public static readonly Localized ListEntry = new("**{0}** — {1}/5 fields filled", "**{0}** —— 已填写 {1}/5 个字段");
    public static readonly Localized OpenButton = new("Open {0}", "打开 {0}");

    public static readonly Localized DigestTitle = new("4W1H canvas", "4W1H 画布");
    public static readonly Localized DigestEmpty = new("Canvas **{0}**: not filled in yet — {1}", "画布 **{0}**：尚未填写 —— {1}");
    public static readonly Localized DigestStale = new("Canvas **{0}**: not updated for {1}+ weeks — {2}", "画布 **{0}**：超过 {1} 周未更新 —— {2}");

    public static Localized Name(CanvasField field) => field switch
    {
        CanvasField.Who => new("Who", "Who · 谁"),
        CanvasField.Why => new("Why", "Why · 为什么"),
        CanvasField.How => new("How", "How · 如何"),
        CanvasField.What => new("What", "What · 卖点"),
        _ => new("Where", "Where · 渠道"),
    };

    /// <summary>The question of each field (DESIGN §1).</summary>
    public static Localized Question(CanvasField field) => field switch
    {
        CanvasField.Who => new("Who do we sell to?", "卖给谁？"),
        CanvasField.Why => new("Why would they buy? Which need does it meet?", "客户为什么要买？解决什么需求？"),
        CanvasField.How => new("How does the product solve their problem?", "产品如何解决客户的问题？"),
        CanvasField.What => new("What is the unique selling point?", "独特的卖点是什么？"),
        _ => new("Where and how do we reach them?", "用什么方式触达？"),
    };

    /// <summary>The guidance prompts of each field (DESIGN §1).</summary>
    public static Localized Prompt(CanvasField field) => field switch
    {
        CanvasField.Who => new(
            "Industry, region or city tier, company size, role of the buyer and of the user.",
            "行业、地区/城市级别、企业规模、购买者与使用者的角色。"),
        CanvasField.Why => new(
            "The job they are trying to get done; is it a _need_ or a _want_? What pain is behind it?",
            "客户想完成的任务是什么？是“需要”还是“想要”？背后的痛点是什么？"),
        CanvasField.How => new(
            "The steps of their work before and after; what gets removed.",
            "使用前后的工作步骤有何不同？去掉了哪些步骤？"),
        CanvasField.What => new(
            "Why us and not an alternative (competitor, Excel, doing nothing)?",
            "客户为什么选我们，而不是替代方案（竞品、Excel、什么都不做）？"),
        _ => new(
            "Channels: events, search ads, launch, partners, webinars, direct sales.",
            "线上推广、发布会、合作伙伴、直播、直销……"),
    };

    public static Localized MotiveName(Motive motive) => motive switch
    {
        Motive.Need => new("Need — objective, a must-have (often a buying point)", "需要 —— 客观、必须（常是购买点）"),
        Motive.Want => new("Want — subjective, a wish (hides a pain point)", "想要 —— 主观、愿望（背后藏着痛点）"),
        _ => new("Not decided yet", "尚未判断"),
    };
}

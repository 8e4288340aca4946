using GtmBot.Engine.Needs;

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the needs flow: the card, the list, status changes, the direct messages to sales, the digest section.</summary>
public static class NeedStrings
{
    public static readonly Localized Help = new(
        "`/gtm need new <title>` — track a customer need · `/gtm need 3 status planned [reason]` · `moscow must` · `owner @ana` · `effort M` · `link 12 15` · `/gtm needs [status]` — by priority · `/gtm notify off|on` — your messages about needs",
        "`/gtm need new <标题>` —— 跟踪一个客户需求 · `/gtm need 3 status 已排期 [原因]` · `moscow 必须` · `owner @ana` · `effort M` · `link 12 15` · `/gtm needs [状态]` —— 按优先级列出 · `/gtm notify off|on` —— 是否接收需求进展私信");

    public static readonly Localized Usage = new(
        "Usage: `/gtm need new <title>`, `/gtm need 3`, `/gtm need 3 status planned [reason]`, `/gtm need 3 moscow must`, `/gtm need 3 owner @ana`, `/gtm need 3 effort S|M|L|XL`, `/gtm need 3 link 12 15`, `/gtm need 3 unlink 12`.",
        "用法：`/gtm need new <标题>`、`/gtm need 3`、`/gtm need 3 status 已排期 [原因]`、`/gtm need 3 moscow 必须`、`/gtm need 3 owner @ana`、`/gtm need 3 effort S|M|L|XL`、`/gtm need 3 link 12 15`、`/gtm need 3 unlink 12`。");

    public static readonly Localized ChartTitle = new("Needs by status over time", "各状态的需求数（随时间）");
    public static readonly Localized ChartAxis = new("Needs", "需求数");
    public static readonly Localized ChartQueued = new("The chart of {0} needs over {1} days is on its way.", "{0} 个需求、{1} 天的图表正在发送。");
    public static readonly Localized ChartNone = new("No needs yet: make one with `/gtm need new <title>` or from `/gtm insights`.", "还没有需求：用 `/gtm need new <标题>` 或在 `/gtm insights` 中创建。");

    public static readonly Localized NoTitle = new("Give the need a title: `/gtm need new scheduled backup`.", "请给需求一个标题：`/gtm need new 定时备份`。");
    public static readonly Localized TitleTooLong = new("That title is {0:N0} characters; the limit is {1:N0}. Nothing was saved.", "标题有 {0:N0} 个字符，上限是 {1:N0}。没有保存任何内容。");
    public static readonly Localized NotFound = new("There is no need #{0} in this channel. `/gtm needs` lists them.", "本频道没有需求 #{0}。用 `/gtm needs` 查看全部。");
    public static readonly Localized Created = new("Need #{0} created.", "已创建需求 #{0}。");
    public static readonly Localized AlreadyMade = new("Need #{0} was already made from this theme.", "这个主题已经建成需求 #{0}。");
    public static readonly Localized ThemeGone = new("That theme is no longer in the insights. Run `/gtm insights` again.", "洞察中已没有这个主题，请重新运行 `/gtm insights`。");
    public static readonly Localized Saved = new("Need #{0} updated.", "需求 #{0} 已更新。");
    public static readonly Localized Conflict = new("Someone changed need #{0} while you were looking at it. Here it is now — try again if it still applies.", "在你查看时有人修改了需求 #{0}。这是最新状态——如仍需要，请再试一次。");

    public static readonly Localized BadStatus = new(
        "I don't know the status “{0}”. Use one of: {1}.",
        "我不认识状态“{0}”。请使用：{1}。");
    public static readonly Localized IllegalMove = new(
        "Need #{0} can't go from {1} to {2}. From {1} it can go to: {3}.",
        "需求 #{0} 不能从「{1}」改为「{2}」。从「{1}」只能改为：{3}。");
    public static readonly Localized IllegalMoveFinal = new(
        "Need #{0} is {1}: that is final, its status can't change any more.",
        "需求 #{0} 已是「{1}」：这是最终状态，不能再修改。");
    public static readonly Localized ReasonRequired = new(
        "Say why: `/gtm need {0} status wontdo <reason>`. The people whose customers asked for it will read the reason.",
        "请说明原因：`/gtm need {0} status 不做 <原因>`。提出这个需求的客户的销售会看到原因。");
    public static readonly Localized ReasonTooLong = new("The reason is {0:N0} characters; the limit is {1:N0}.", "原因有 {0:N0} 个字符，上限是 {1:N0}。");
    public static readonly Localized SameStatus = new("Need #{0} is already {1}.", "需求 #{0} 已经是「{1}」。");
    public static readonly Localized BadMoscow = new("Use must, should, could or wont (必须、应该、可以、暂不).", "请使用 must、should、could 或 wont（必须、应该、可以、暂不）。");
    public static readonly Localized BadEffort = new("Use an effort of S, M, L or XL.", "工作量请用 S、M、L 或 XL。");
    public static readonly Localized BadOwner = new("Name the owner: `/gtm need {0} owner @ana`.", "请指定负责人：`/gtm need {0} owner @ana`。");
    public static readonly Localized BadQuotes = new("Give quote numbers: `/gtm need {0} link 12 15`.", "请给出原话编号：`/gtm need {0} link 12 15`。");
    public static readonly Localized UnknownQuotes = new("There is no quote {0} in this channel. Nothing was changed.", "本频道没有原话 {0}。没有做任何修改。");
    public static readonly Localized TooManyQuotes = new("A need links at most {0:N0} quotes.", "一个需求最多关联 {0:N0} 条原话。");

    public static readonly Localized Title = new("Need #{0}: {1}", "需求 #{0}：{1}");
    public static readonly Localized FieldStatus = new("Status", "状态");
    public static readonly Localized FieldMoscow = new("MoSCoW", "MoSCoW");
    public static readonly Localized FieldOwner = new("Owner", "负责人");
    public static readonly Localized FieldEffort = new("Effort", "工作量");
    public static readonly Localized FieldScore = new("Priority score", "优先级得分");
    public static readonly Localized NotSet = new("not set", "未设置");
    public static readonly Localized ScoreValue = new("{0:0.0} (suggests {1})", "{0:0.0}（建议：{1}）");
    public static readonly Localized Evidence = new(
        "{0} customers · ARR {1:N0} · {2} renewing within 90 days · {3} churn-risk quotes · feasibility {4:0.##}",
        "{0} 位客户 · ARR {1:N0} · {2} 位 90 天内续约 · {3} 条流失风险原话 · 可行性 {4:0.##}");
    public static readonly Localized ScoreFormula = new(
        "Score = customers × (1 + log10(1 + ARR/10,000) + 0.5 × renewals + 0.5 × churn-risk quotes) × feasibility (S 1, M 0.75, L 0.5, XL 0.25).",
        "得分 = 客户数 ×（1 + log10(1 + ARR/10,000) + 0.5 × 续约客户数 + 0.5 × 流失风险原话数）× 可行性（S 1、M 0.75、L 0.5、XL 0.25）。");
    public static readonly Localized ReasonLine = new("Why: {0}", "原因：{0}");
    public static readonly Localized QuotesLine = new("Quotes behind it ({0}):", "背后的原话（{0} 条）：");
    public static readonly Localized QuoteLine = new("• #{0} “{1}” — {2} (captured by {3})", "• #{0} “{1}” —— {2}（{3} 记录）");
    public static readonly Localized NoQuotes = new("No quotes linked yet: `/gtm need {0} link <quote numbers>`.", "还没有关联原话：`/gtm need {0} link <原话编号>`。");
    public static readonly Localized MoreQuotes = new("…and {0} more", "……另有 {0} 条");
    public static readonly Localized NoCustomer = new("no customer", "未标注客户");
    public static readonly Localized MustWithoutCommon = new(
        "⚠ Marked Must, but no common need is behind it (fewer than {0} distinct customers). Check before committing.",
        "⚠ 标为必须（Must），但背后没有共性需求（不同客户少于 {0} 位）。请先核实再承诺。");
    public static readonly Localized Refused = new("⚠ {0} did not hear back about “{1}”: {2}", "⚠ {0} 没有收到「{1}」的通知：{2}");
    public static readonly Localized LastChange = new("Last change by {0}: {1}", "最近由 {0} 修改：{1}");
    public static readonly Localized WontDoButton = new("Won't do…", "不做……");
    public static readonly Localized ReasonFormTitle = new("Why not?", "为什么不做？");
    public static readonly Localized ReasonLabel = new("Reason (sales will read it)", "原因（销售会看到）");
    public static readonly Localized ReasonSubmit = new("Decline", "确认不做");

    public static readonly Localized ListTitle = new("Needs by priority ({0})", "需求（按优先级，共 {0} 个）");
    public static readonly Localized ListNone = new("No needs yet. Make one from `/gtm insights` or with `/gtm need new <title>`.", "还没有需求。可在 `/gtm insights` 中创建，或用 `/gtm need new <标题>`。");
    public static readonly Localized ListLine = new("**#{0}** {1} · {2} · score {3:0.0} · suggests {4}{5}", "**#{0}** {1} · {2} · 得分 {3:0.0} · 建议{4}{5}");
    public static readonly Localized ListMoscow = new(" · set {0}", " · 已定{0}");
    public static readonly Localized ListMore = new("Showing the top {0} of {1}.", "显示前 {0} 个，共 {1} 个。");
    public static readonly Localized ListFilter = new("Status: {0}", "状态：{0}");

    public static readonly Localized MakeNeed = new("Make a need", "建成需求");

    public static readonly Localized NotifyOff = new("Done: you won't get direct messages about needs any more. `/gtm notify on` brings them back.", "好的：你将不再收到需求进展的私信。用 `/gtm notify on` 恢复。");
    public static readonly Localized NotifyOn = new("Done: you'll get a direct message when a need behind your quotes changes.", "好的：你记录的原话所关联的需求有变化时，你会收到私信。");
    public static readonly Localized NotifyUsage = new("Usage: `/gtm notify off` or `/gtm notify on`.", "用法：`/gtm notify off` 或 `/gtm notify on`。");

    public static readonly Localized DmLine = new("{0}: {1} — your quotes from {2}", "{0}：{1} —— 你记录的 {2} 的原话");
    public static readonly Localized DmLineNoCustomer = new("{0}: {1} — your quotes (no customer named)", "{0}：{1} —— 你记录的原话（未标注客户）");
    public static readonly Localized DmContext = new("Need #{0} in channel {1}, changed by {2}. `/gtm notify off` stops these messages.", "需求 #{0}（频道 {1}），由 {2} 修改。用 `/gtm notify off` 可停止这类私信。");

    public static readonly Localized DigestTitle = new("Needs: status changes this week", "需求：本周状态变化");
    public static readonly Localized DigestLine = new("#{0} {1}: {2} → {3} (by {4}) · score {5:0.0}", "#{0} {1}：{2} → {3}（{4}）· 得分 {5:0.0}");
    public static readonly Localized DigestButton = new("All needs", "全部需求");

    public static readonly Localized HistoryCreated = new("created", "创建");

    /// <summary>The display name of a status.</summary>
    public static Localized Status(NeedStatus status) => status switch
    {
        NeedStatus.New => new("New", "新建"),
        NeedStatus.UnderReview => new("Under review", "评估中"),
        NeedStatus.Planned => new("Planned", "已排期"),
        NeedStatus.InProgress => new("In progress", "开发中"),
        NeedStatus.Shipped => new("Shipped", "已发布"),
        _ => new("Won't do", "不做"),
    };

    /// <summary>Words a person may type for a status, English and Chinese, compared after lower-casing and removing spaces, '-', '_' and apostrophes.</summary>
    private static readonly Dictionary<string, NeedStatus> StatusWords = new(StringComparer.Ordinal)
    {
        ["new"] = NeedStatus.New,
        ["新建"] = NeedStatus.New,
        ["新"] = NeedStatus.New,
        ["underreview"] = NeedStatus.UnderReview,
        ["review"] = NeedStatus.UnderReview,
        ["reviewing"] = NeedStatus.UnderReview,
        ["评估中"] = NeedStatus.UnderReview,
        ["评审中"] = NeedStatus.UnderReview,
        ["评估"] = NeedStatus.UnderReview,
        ["planned"] = NeedStatus.Planned,
        ["plan"] = NeedStatus.Planned,
        ["已排期"] = NeedStatus.Planned,
        ["排期"] = NeedStatus.Planned,
        ["计划中"] = NeedStatus.Planned,
        ["inprogress"] = NeedStatus.InProgress,
        ["progress"] = NeedStatus.InProgress,
        ["doing"] = NeedStatus.InProgress,
        ["开发中"] = NeedStatus.InProgress,
        ["进行中"] = NeedStatus.InProgress,
        ["shipped"] = NeedStatus.Shipped,
        ["ship"] = NeedStatus.Shipped,
        ["released"] = NeedStatus.Shipped,
        ["已发布"] = NeedStatus.Shipped,
        ["已上线"] = NeedStatus.Shipped,
        ["wontdo"] = NeedStatus.WontDo,
        ["wont"] = NeedStatus.WontDo,
        ["declined"] = NeedStatus.WontDo,
        ["不做"] = NeedStatus.WontDo,
        ["暂不做"] = NeedStatus.WontDo,
    };

    /// <summary>A status from one or two words a person typed (<c>under review</c>, <c>won't do</c>, <c>已排期</c>).</summary>
    public static NeedStatus? ParseStatus(string words)
    {
        var key = new string([.. words.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_' and not '\'' and not '’')]);
        return StatusWords.TryGetValue(key, out var status) ? status : null;
    }

    /// <summary>A MoSCoW call from what a person typed (English or Chinese).</summary>
    public static Ports.Moscow? ParseMoscow(string word) => word.Trim().ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal) switch
    {
        "must" or "必须" => Ports.Moscow.Must,
        "should" or "应该" => Ports.Moscow.Should,
        "could" or "可以" => Ports.Moscow.Could,
        "wont" or "暂不" => Ports.Moscow.Wont,
        _ => null,
    };

    /// <summary>An effort from what a person typed.</summary>
    public static Effort? ParseEffort(string word) => word.Trim().ToUpperInvariant() switch
    {
        "S" or "小" => Effort.S,
        "M" or "中" => Effort.M,
        "L" or "大" => Effort.L,
        "XL" or "特大" => Effort.XL,
        _ => null,
    };
}

namespace GtmBot.Engine.Strings;

/// <summary>Strings of customer profiles, segments, the per-segment insights and the insights chart.</summary>
public static class CustomerStrings
{
    public static readonly Localized Help = new(
        "`/gtm customer Acme segment enterprise industry manufacturing arr 120000 renewal 2027-03-31` — keep a customer profile (any of the fields; `-` clears one; `/gtm customer` opens the form) · `/gtm customer Acme` — show it · `/gtm customers [segment]` — list them · `/gtm insights [segment]` — themes per segment · `/gtm insights chart [segment]` — customers per theme as a picture · `/gtm insights chart needs` — needs by status over time",
        "`/gtm 客户 Acme 细分 enterprise 行业 制造业 年收入 120000 续约 2027-03-31` —— 记录客户档案（字段任选；`-` 清空该字段；`/gtm 客户` 打开表单）· `/gtm 客户 Acme` —— 查看 · `/gtm 客户列表 [细分]` —— 列出客户 · `/gtm insights [细分]` —— 按细分看主题 · `/gtm insights chart [细分]` —— 各主题客户数的图表 · `/gtm insights chart 需求` —— 各状态需求数随时间的图表");

    public static readonly Localized Title = new("Customer: {0}", "客户：{0}");
    public static readonly Localized Saved = new("Profile of {0} saved.", "已保存 {0} 的客户档案。");
    public static readonly Localized FieldSegment = new("Segment", "细分");
    public static readonly Localized FieldIndustry = new("Industry", "行业");
    public static readonly Localized FieldArr = new("ARR", "年收入（ARR）");
    public static readonly Localized FieldRenewal = new("Renewal", "续约日期");
    public static readonly Localized FieldName = new("Customer", "客户");
    public static readonly Localized FieldUpdated = new("Updated by", "最后修改");
    public static readonly Localized Unset = new("—", "—");
    public static readonly Localized Evidence = new("{0} quotes in this channel · {1} distinct themes", "本频道 {0} 条原话 · {1} 个不同主题");
    public static readonly Localized NoProfile = new(
        "No profile for **{0}** yet. Set one: `/gtm customer {0} segment enterprise` (fields: {1}).",
        "还没有 **{0}** 的档案。设置：`/gtm 客户 {0} 细分 enterprise`（字段：{1}）。");
    public static readonly Localized EditButton = new("Edit", "编辑");

    public static readonly Localized FormTitle = new("Customer profile", "客户档案");
    public static readonly Localized FormSubmit = new("Save", "保存");
    public static readonly Localized FormNameHint = new("The name quotes carry, e.g. Acme", "与原话中一致的客户名，如 Acme");
    public static readonly Localized FormSegmentHint = new("A label, e.g. enterprise or SMB", "标签，如 enterprise 或 SMB");
    public static readonly Localized FormSegmentKnown = new("Known: {0}", "已有：{0}");
    public static readonly Localized FormArrHint = new("A number, e.g. 120000", "数字，如 120000");

    public static readonly Localized NameMissing = new("Name the customer: `/gtm customer Acme segment enterprise`.", "请写明客户名：`/gtm 客户 Acme 细分 enterprise`。");
    public static readonly Localized NameTooLong = new("The customer name is {0} characters; the limit is {1}.", "客户名有 {0} 个字符，上限为 {1}。");
    public static readonly Localized UnknownField = new("Unknown field **{0}**. The fields are: {1}.", "未知字段 **{0}**。可用字段：{1}。");
    public static readonly Localized MissingValue = new("The field **{0}** needs a value (`-` clears it).", "字段 **{0}** 缺少取值（`-` 表示清空）。");
    public static readonly Localized LabelTooLong = new("The {0} “{1}” is {2} characters; the limit is {3}.", "{0}“{1}”有 {2} 个字符，上限为 {3}。");
    public static readonly Localized ArrNegative = new("ARR cannot be negative: {0}.", "年收入不能为负数：{0}。");
    public static readonly Localized ArrNotNumber = new("ARR must be a number, e.g. 120000 — not “{0}”.", "年收入必须是数字，如 120000，而不是“{0}”。");
    public static readonly Localized ArrTooLarge = new("ARR {0} is over the limit of {1}.", "年收入 {0} 超过上限 {1}。");
    public static readonly Localized BadDate = new("“{0}” is not a date; write it as 2027-03-31.", "“{0}”不是日期，请写成 2027-03-31。");

    public static readonly Localized ListTitle = new("Customers ({0})", "客户（{0}）");
    public static readonly Localized ListTitleSegment = new("Customers in {0} ({1})", "{0} 细分的客户（{1}）");
    public static readonly Localized ListNone = new("No customer profiles yet. Add one: `/gtm customer Acme segment enterprise`.", "还没有客户档案。添加：`/gtm 客户 Acme 细分 enterprise`。");
    public static readonly Localized ListNoneInSegment = new("No customer in segment **{0}**. Segments: {1}.", "细分 **{0}** 下没有客户。已有细分：{1}。");
    public static readonly Localized ListMore = new("… and {0} more.", "……另有 {0} 位。");
    public static readonly Localized Segments = new("Segments: {0}", "细分：{0}");
    public static readonly Localized NoSegment = new("no segment", "未分细分");

    public static readonly Localized SegmentCommon = new("common among {0}: {1} of {2}", "在 {0} 中常见：{2} 位中的 {1} 位");
    public static readonly Localized SegmentRare = new("rare among {0}: {1} of {2}", "在 {0} 中少见：{2} 位中的 {1} 位");
    public static readonly Localized SegmentSeparator = new("; ", "；");
    public static readonly Localized SegmentFooter = new(
        "Per segment: distinct customers behind the theme out of the workspace's customers with a profile in that segment; “no segment” counts the channel's quoted customers without one. Common in a segment = at least {0} customers and at least half of them. Quotes without a customer are left out.",
        "按细分：提到该主题的不同客户数 / 本工作区该细分下有档案的客户数；“未分细分”按本频道原话中没有细分的客户计。细分内常见 = 至少 {0} 位且不少于该细分客户的一半。没有客户的原话不计入。");
    public static readonly Localized SegmentFilterTitle = new("Segment {0}: {1} customers with a profile", "细分 {0}：{1} 位有档案的客户");
    public static readonly Localized UnknownSegment = new("No customer has the segment **{0}**. Segments: {1}.", "没有客户属于细分 **{0}**。已有细分：{1}。");
    public static readonly Localized NoSegmentsYet = new("none yet", "暂无");
    public static readonly Localized SegmentNoQuotes = new("No quotes from customers in **{0}** in this channel yet.", "本频道还没有来自 **{0}** 细分客户的原话。");

    public static readonly Localized ChartTitle = new("Distinct customers per theme, by segment", "各主题的不同客户数（按细分）");
    public static readonly Localized ChartTitleSegment = new("Distinct customers per theme in {0}", "{0} 中各主题的不同客户数");
    public static readonly Localized ChartAxis = new("Distinct customers", "不同客户数");
    public static readonly Localized ChartQueued = new("The chart of {0} themes is on its way.", "{0} 个主题的图表正在发送。");
    public static readonly Localized ChartNone = new("No themes with customers yet: capture quotes with a customer (`/gtm quote Acme: …`) first.", "还没有带客户的主题：请先记录带客户名的原话（`/gtm quote Acme：……`）。");
}

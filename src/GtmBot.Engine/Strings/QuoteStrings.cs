using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Strings;

/// <summary>Strings of the customer-quote flow: capture, corrections, search, insights and the digest section.</summary>
public static class QuoteStrings
{
    public static readonly Localized Help = new(
        "`/gtm quote [Customer:] text` — capture a customer quote · `/gtm quotes [tag] [customer] [keyword]` — find quotes · `/gtm insights` — common vs individual needs",
        "`/gtm quote [客户：] 原话` —— 记录客户原话 · `/gtm quotes [标签] [客户] [关键词]` —— 查找原话 · `/gtm insights` —— 共性需求与个性需求");

    public static readonly Localized Title = new("Customer quote", "客户原话");
    public static readonly Localized FormTitle = new("Capture a quote", "记录客户原话");
    public static readonly Localized FormText = new("What did the customer say?", "客户说了什么？");
    public static readonly Localized FormCustomer = new("Customer (account)", "客户（公司/账户）");
    public static readonly Localized FormCustomerHint = new("e.g. Acme", "例如：海川科技");
    public static readonly Localized OnlyAName = new(
        "Is “{0}” the customer? Write what they said below (or next time: `/gtm quote {0}: what they said`).",
        "“{0}”是客户名称吗？请在下方填写客户的原话（下次可以写：`/gtm quote {0}：客户原话`）。");
    public static readonly Localized AskCustomer = new(
        "Is **{0}** the customer? Nothing is saved yet — next time `/gtm quote {0}: what they said` saves at once.",
        "**{0}** 是客户吗？还没有保存——下次写 `/gtm quote {0}：客户原话` 即可直接保存。");
    public static readonly Localized AskYes = new("Yes, {0} is the customer", "是，客户是 {0}");
    public static readonly Localized AskNo = new("No, save without a customer", "不是，不填客户直接保存");
    public static readonly Localized AskEdit = new("Edit…", "修改…");
    public static readonly Localized DialogTitle = new("Tag as customer quote", "标记为客户原话");
    public static readonly Localized FormSubmit = new("Capture", "记录");

    public static readonly Localized Empty = new(
        "Please give me the quote's text: `/gtm quote Acme: what they said`, or just `/gtm quote` to open a form.",
        "请提供原话内容：`/gtm quote 客户A：客户的原话`，或只输入 `/gtm quote` 打开表单。");

    public static readonly Localized TooLong = new(
        "That quote is {0:N0} characters; the limit is {1:N0}. Please shorten it — nothing was saved.",
        "这段原话有 {0:N0} 个字符，上限是 {1:N0}。请缩短——没有保存任何内容。");

    public static readonly Localized NoWords = new(
        "That message has no words once mentions, links, emoji and formatting are removed, so there is nothing to tag. Nothing was saved.",
        "去掉提及、链接、表情和格式之后，这条消息没有任何文字，无法打标签。没有保存任何内容。");

    public static readonly Localized SuggestedTag = new("{0} (suggested)", "{0}（建议）");

    public static readonly Localized SuggestedNote = new(
        "Tags marked ? are suggestions: the tagger is not sure of them. Choose one in the menu to remove it; corrections teach this workspace's tagger.",
        "标有 ? 的标签只是建议：打标签模型对它们没有把握。在菜单中选择即可移除；更正会让本工作区的模型学到。");

    public static readonly Localized AlreadyCaptured = new("This message was already captured as a quote:", "这条消息已经记录为客户原话：");
    public static readonly Localized AlreadySaved = new("Already saved: these words from this customer are this channel's quote, so nothing new was stored:", "已经保存过：该客户的这句原话已在本频道，未重复保存：");
    public static readonly Localized Captured = new("Captured. Correct a tag or the motive from the menu — anyone can.", "已记录。可在菜单中更正标签或动机——任何人都可以。");
    public static readonly Localized FieldCustomer = new("Customer", "客户");
    public static readonly Localized FieldLanguage = new("Language", "语言");
    public static readonly Localized FieldCapturedBy = new("Captured by", "记录人");
    public static readonly Localized FieldSource = new("Source", "来源");
    public static readonly Localized FieldAuthor = new("Said in a message by", "原消息作者");
    public static readonly Localized NoCustomer = new("—", "—");
    public static readonly Localized TagsLabel = new("Tags", "标签");
    public static readonly Localized MotiveLabel = new("Motive", "动机");
    public static readonly Localized StateLine = new("**Tags:** {0} · **Motive:** {1}", "**标签：**{0} · **动机：**{1}");
    public static readonly Localized NoTags = new("none", "无");
    public static readonly Localized PriorityMenu = new("Priority (MoSCoW) or make it a need", "优先级（MoSCoW）或设为需求");
    public static readonly Localized CorrectMenu = new("Correct tags or need/want", "更正标签或需要/想要");
    public static readonly Localized MotiveOption = new("Motive: {0}", "动机：{0}");
    public static readonly Localized CorrectedBy = new("Corrected by {0}: {1}", "{0} 更正了：{1}");
    public static readonly Localized NotFound = new("I can't find that quote in this channel any more.", "在本频道找不到这条原话了。");
    public static readonly Localized BadAction = new("That button's data is not valid. Run the command again for a fresh card.", "按钮数据无效，请重新运行命令获取新的卡片。");

    /// <summary>For an edge: a reaction or shortcut on a message the bot cannot read.</summary>
    public static readonly Localized CannotRead = new(
        "I can't read that message: I'm not in that conversation. Invite me first (`/invite @GtmBot` in Slack, or add the app to the team in Teams), then capture it again.",
        "我读不到那条消息：我不在那个会话里。请先邀请我（Slack 中输入 `/invite @GtmBot`，Teams 中把应用添加到团队），然后再记录一次。");

    public static readonly Localized ListTitle = new("Customer quotes ({0})", "客户原话（{0} 条）");
    public static readonly Localized ListNone = new("No quotes match. Capture one with `/gtm quote Customer: text`.", "没有匹配的原话。用 `/gtm quote 客户：原话` 记录一条。");
    public static readonly Localized ListMore = new("Showing the newest {0} of {1}. Narrow it with a tag, a customer or a keyword.", "显示最新的 {0} 条，共 {1} 条。可以用标签、客户或关键词缩小范围。");
    public static readonly Localized ListFilter = new("Filter: {0}", "筛选：{0}");

    public static readonly Localized InsightsTitle = new("Quote insights — {0} quotes from {1} customers", "原话洞察 —— {1} 位客户的 {0} 条原话");
    public static readonly Localized InsightsUnattributed = new(
        "{0} quotes have no customer: they are listed as unattributed and never counted as customers. A quote saved twice counts once.",
        "{0} 条原话没有标注客户：它们单独记为「未标注」，从不算作客户。同一条原话保存两次只算一次。");
    public static readonly Localized ThemeCustomers = new("Customers: {0}", "客户：{0}");
    public static readonly Localized ThemeUnattributed = new("+ {0} unattributed", "另有 {0} 条未标注客户");
    public static readonly Localized ThemeQuote = new("• “{0}” — {1}", "• “{0}” —— {1}");
    public static readonly Localized ThemeNoCustomer = new("no customer", "未标注客户");
    public static readonly Localized ThemeMoreQuotes = new("…and {0} more quotes", "……另有 {0} 条原话");
    public static readonly Localized InsightsNone = new("No quotes in this channel yet. Capture one with `/gtm quote Customer: text`.", "本频道还没有原话。用 `/gtm quote 客户：原话` 记录一条。");
    public static readonly Localized InsightsTags = new("**By tag:** {0}", "**按标签：** {0}");
    public static readonly Localized InsightsMotives = new("**By motive:** {0}", "**按动机：** {0}");
    public static readonly Localized InsightsNoThemes = new("No theme is raised more than once yet.", "还没有被提到两次以上的主题。");
    public static readonly Localized ThemeLine = new("**{0}** — {1} customers, {2} mentions · {3} · mostly {4}", "**{0}** —— {1} 位客户，{2} 次提及 · {3} · 以{4}为主");
    public static readonly Localized Common = new("common", "共性");
    public static readonly Localized Individual = new("individual", "个性");
    public static readonly Localized PriorityLine = new("Priority: {0} (set by {1})", "优先级：{0}（{1} 设定）");
    public static readonly Localized MustWithoutNeed = new(
        "⚠ Marked Must, but no common need is behind it (fewer than {0} customers, or mostly not a need). Check before committing.",
        "⚠ 标为必须（Must），但背后没有共性的“需要”（少于 {0} 位客户，或大多不是“需要”）。请先核实再承诺。");
    public static readonly Localized InsightsBehind = new(
        "As of {0} UTC: {1} newer quotes are not counted yet. They are being added; ask again in a few seconds.",
        "截至 {0}（UTC）：还有 {1} 条新原话未计入，正在更新，请稍后再查看。");
    public static readonly Localized InsightsBehindEdits = new(
        "As of {0} UTC: recent corrections are not counted yet. They are being added; ask again in a few seconds.",
        "截至 {0}（UTC）：最近的更正尚未计入，正在更新，请稍后再查看。");
    public static readonly Localized InsightsFooter = new(
        "Common = raised by at least {0} distinct customers (one customer repeating a theme counts once). Change it: `/gtm insights threshold 4`.",
        "共性 = 至少 {0} 位不同客户提到（同一客户重复提到只算一次）。修改：`/gtm insights threshold 4`。");
    public static readonly Localized ThresholdSet = new("Done: a theme is common from {0} distinct customers in this channel.", "好的：本频道中被 {0} 位不同客户提到的主题算作共性需求。");
    public static readonly Localized ThresholdUsage = new("Usage: `/gtm insights threshold N` with N from 1 to {0}.", "用法：`/gtm insights threshold N`，N 为 1 到 {0}。");
    public static readonly Localized PrioritySet = new("{0} set {1} to {2}.", "{0} 把「{1}」设为 {2}。");

    public static readonly Localized DigestTitle = new("Customer quotes", "客户原话");
    public static readonly Localized DigestLine = new("{0} new quotes from {1} customers since the last digest.", "自上次摘要以来新增 {0} 条原话，来自 {1} 位客户。");
    public static readonly Localized DigestTheme = new("**{0}** — {1} customers, {2} mentions", "**{0}** —— {1} 位客户，{2} 次提及");
    public static readonly Localized DigestThemeUnattributed = new("**{0}** — {1} customers (+ {3} unattributed), {2} mentions", "**{0}** —— {1} 位客户（另有 {3} 条未标注），{2} 次提及");
    public static readonly Localized DigestButton = new("Open insights", "查看洞察");

    public static readonly Localized MotiveNeed = Glossary.Need;
    public static readonly Localized MotiveWant = Glossary.Want;
    public static readonly Localized MotiveUnclear = new("unclear", "不明确");

    public static readonly Localized Must = new("Must", "必须");
    public static readonly Localized Should = new("Should", "应该");
    public static readonly Localized Could = new("Could", "可以");
    public static readonly Localized Wont = new("Won't", "暂不");

    /// <summary>The display name of a tag.</summary>
    public static Localized Tag(string tag) => tag switch
    {
        QuoteTags.Pain => new("pain", "痛点"),
        QuoteTags.Scenario => new("scenario", "使用场景"),
        QuoteTags.FeatureRequest => new("feature request", "功能诉求"),
        QuoteTags.Objection => new("objection", "顾虑/异议"),
        QuoteTags.Pricing => new("pricing", "价格/预算"),
        QuoteTags.Competitor => new("competitor", "竞品/替代"),
        QuoteTags.Praise => new("praise", "好评"),
        QuoteTags.ChurnRisk => new("churn risk", "流失风险"),
        _ => new(tag, tag),
    };

    /// <summary>The display name of a motive.</summary>
    public static Localized Motive(Motive motive) => motive switch
    {
        Tagging.Motive.Need => MotiveNeed,
        Tagging.Motive.Want => MotiveWant,
        _ => MotiveUnclear,
    };

    /// <summary>The display name of a MoSCoW priority.</summary>
    public static Localized Priority(Ports.Moscow priority) => priority switch
    {
        Ports.Moscow.Must => Must,
        Ports.Moscow.Should => Should,
        Ports.Moscow.Could => Could,
        _ => Wont,
    };

    /// <summary>Words a user may type for a tag in <c>/gtm quotes</c> (English and Chinese).</summary>
    public static string? ParseTag(string word)
    {
        var w = word.Trim().ToLowerInvariant();
        foreach (var tag in QuoteTags.All)
        {
            var names = Tag(tag);
            if (w == tag || w == names.En || w == names.Zh || names.Zh.Split('/').Contains(w) || w == tag.Replace("-", string.Empty, StringComparison.Ordinal))
            {
                return tag;
            }
        }

        return w switch
        {
            "场景" or "任务" => QuoteTags.Scenario,
            "功能" or "需求" or "feature" => QuoteTags.FeatureRequest,
            "顾虑" or "异议" => QuoteTags.Objection,
            "价格" or "预算" or "price" => QuoteTags.Pricing,
            "竞品" or "替代" => QuoteTags.Competitor,
            "流失" or "churn" => QuoteTags.ChurnRisk,
            _ => null,
        };
    }
}

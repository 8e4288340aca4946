namespace GtmBot.Engine.Strings;

/// <summary>Strings of feedback summaries.</summary>
public static class SummaryStrings
{
    public static readonly Localized Help = new(
        "`/gtm summarize` — paste survey answers, reviews, tickets or call notes; get themes, pains and requests (`lang zh|en`, `llm off|on`)",
        "`/gtm summarize`（或 `/gtm 总结`）—— 粘贴问卷、评价、工单或访谈记录，得到主题、痛点和诉求（`lang zh|en`，`llm off|on`）");
    public static readonly Localized FormTitle = new("Summarize feedback", "总结客户反馈");
    public static readonly Localized FormFeedback = new("Paste the feedback (one answer, review or ticket per line)", "粘贴反馈（每行一条回答、评价或工单）");
    public static readonly Localized FormPlaceholder = new("Acme: the import keeps creating duplicates…", "客户A：导入后总是出现重复数据……");
    public static readonly Localized FormLanguage = new("Summary language", "总结语言");
    public static readonly Localized LanguageAuto = new("Same as the feedback", "与反馈相同");
    public static readonly Localized LanguageEn = new("English", "英文");
    public static readonly Localized LanguageZh = new("Chinese", "中文");
    public static readonly Localized Submit = new("Summarize", "开始总结");
    public static readonly Localized Empty = new("There is no feedback to summarize: paste some text first.", "没有可总结的反馈：请先粘贴内容。");
    public static readonly Localized Ack = new("Summarizing {0} lines… I'll post the result here.", "正在总结 {0} 行反馈……完成后会发在这里。");
    public static readonly Localized LlmOff = new("Done: summaries in this channel now run offline, without an LLM.", "好的：本频道的总结改为离线生成，不再使用大模型。");
    public static readonly Localized LlmOn = new("Done: summaries in this channel use the LLM when one is configured.", "好的：本频道的总结在配置了大模型时使用大模型。");
    public static readonly Localized LlmUsage = new("Usage: `/gtm summarize llm off` or `/gtm summarize llm on`.", "用法：`/gtm summarize llm off` 或 `/gtm summarize llm on`。");
    public static readonly Localized ResultTitle = new("Feedback summary", "反馈总结");
    public static readonly Localized ResultIntro = new("{0} themes from {1} lines.", "从 {1} 行反馈中归纳出 {0} 个主题。");
    public static readonly Localized NoThemes = new("No theme is raised by more than one customer.", "没有被多个客户共同提到的主题。");
    public static readonly Localized ThemeLine = new("{0} customers · {1} mentions · {2} · {3}", "{0} 个客户 · {1} 次提及 · {2} · {3}");
    public static readonly Localized ThemeUnattributed = new("+ {0} lines without a customer (not counted as customers)", "另有 {0} 条未标注客户（不计入客户数）");
    public static readonly Localized ThemeCustomers = new("Customers: {0}", "客户：{0}");
    public static readonly Localized Need = new("need", "需要（不得不）");
    public static readonly Localized Want = new("want", "想要");
    public static readonly Localized Pains = new("Pains", "痛点");
    public static readonly Localized Requests = new("Requests", "功能诉求");
    public static readonly Localized Keywords = new("Keywords: {0}", "关键词：{0}");
    public static readonly Localized ByLlm = new("Written by the LLM; quotes checked against your text.", "由大模型生成；引用已与原文逐字核对。");
    public static readonly Localized ByHeuristic = new("Written offline (keyword and theme grouping).", "离线生成（关键词与主题归类）。");
    public static readonly Localized FellBack = new("The LLM failed ({0}); this is the offline summary. Your text is kept.", "大模型调用失败（{0}），以下为离线总结。你的原文已保存。");
    public static readonly Localized Injection = new("Ignored as instructions (summarized as data): line {0}.", "以下行试图下达指令，已作为数据处理而未执行：第 {0} 行。");
    public static readonly Localized SaveQuotes = new("Save quotes", "保存为客户原话");
    public static readonly Localized Saved = new("Saved {0} quotes of “{1}” to this channel's quotes.", "已将“{1}”的 {0} 条原话保存到本频道的客户原话。");
    public static readonly Localized SavedSomeKnown = new("Saved {0} new quotes of “{1}” to this channel's quotes; {2} were already there and were not stored again.", "已将“{1}”的 {0} 条新原话保存到本频道的客户原话；另有 {2} 条已存在，未重复保存。");
    public static readonly Localized Must = new("Must", "必须有");
    public static readonly Localized Should = new("Should", "应该有");
    public static readonly Localized Could = new("Could", "可以有");
    public static readonly Localized Wont = new("Won't", "暂不做");
}

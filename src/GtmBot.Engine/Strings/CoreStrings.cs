namespace GtmBot.Engine.Strings;

/// <summary>Strings of the engine itself: help, language, errors common to all flows.</summary>
public static class CoreStrings
{
    public static readonly Localized HelpTitle = new("GtmBot — take your product to market with discipline", "GtmBot —— 有章法地把产品推向市场");
    public static readonly Localized HelpIntro = new(
        "Type `/gtm <command>`. Everything is kept per channel.",
        "输入 `/gtm <命令>`。所有内容按频道保存。");
    public static readonly Localized HelpCommand = new("`/gtm help` — this help", "`/gtm help` —— 显示本帮助");
    public static readonly Localized LangCommand = new("`/gtm lang en|zh` — your language (add `channel` for everyone: `/gtm lang zh channel`)", "`/gtm lang en|zh` —— 切换你的语言（加 `channel` 则整个频道：`/gtm lang zh channel`）");
    public static readonly Localized UnknownCommand = new("I don't know `{0}`. Here is what I can do:", "我不认识 `{0}`。我能做的是：");
    public static readonly Localized UnknownAction = new("That button is no longer supported. Run the command again to get a fresh card.", "这个按钮已不再支持。请重新运行命令获取新的卡片。");
    public static readonly Localized LangSetUser = new("Done: I'll talk to you in English.", "好的：我会用中文和你交流。");
    public static readonly Localized LangSetChannel = new("Done: this workspace now defaults to English.", "好的：本工作区默认语言已设为中文。");
    public static readonly Localized LangUsage = new("Usage: `/gtm lang en` or `/gtm lang zh` (add `channel` to set the default for everyone).", "用法：`/gtm lang en` 或 `/gtm lang zh`（加 `channel` 为所有人设置默认语言）。");
    public static readonly Localized Empty = new("Please write something: the text is empty.", "请填写内容：文本为空。");
    public static readonly Localized TooLong = new("That is {0:N0} characters; the limit is {1:N0}. Please shorten it — your text is kept below.", "内容有 {0:N0} 个字符，上限是 {1:N0}。请缩短——你的文字保留在下方。");
    public static readonly Localized Cancel = new("Cancel", "取消");
    public static readonly Localized Save = new("Save", "保存");
    public static readonly Localized NotFound = new("I couldn't find that. It may have been removed.", "找不到该内容，可能已被删除。");
}

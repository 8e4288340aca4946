namespace GtmBot.Engine.Strings;

/// <summary>Strings of the engine itself: help, language, errors common to all flows.</summary>
public static class CoreStrings
{
    public static readonly Localized HelpTitle = new("GtmBot — take your product to market with discipline", "GtmBot —— 有章法地把产品推向市场");
    public static readonly Localized HelpIntro = new(
        "Type `/gtm <command>`. Everything is kept per channel.",
        "输入 `/gtm <命令>`。所有内容按频道保存。");
    public static readonly Localized HelpCommand = new("`/gtm help` — this help", "`/gtm help` —— 显示本帮助");
    public static readonly Localized LangCommand = new(
        "`/gtm lang en|zh` — your language; add `channel` for this channel only, `workspace` for the default everywhere else",
        "`/gtm lang en|zh` —— 切换你的语言；加 `channel` 只设本频道，加 `workspace` 设为其余频道的默认语言");
    public static readonly Localized TimeZoneCommand = new(
        "`/gtm timezone Asia/Shanghai` — your time zone for due dates and reminders; add `workspace` for everyone's default",
        "`/gtm timezone Asia/Shanghai` —— 你的时区（用于截止日期和提醒）；加 `workspace` 设为所有人的默认时区");
    public static readonly Localized UnknownCommand = new("I don't know `{0}`. Here is what I can do:", "我不认识 `{0}`。我能做的是：");
    public static readonly Localized UnknownAction = new("That button is no longer supported. Run the command again to get a fresh card.", "这个按钮已不再支持。请重新运行命令获取新的卡片。");
    public static readonly Localized LangSetUser = new("Done: I'll talk to you in English.", "好的：我会用中文和你交流。");
    public static readonly Localized LangSetChannel = new(
        "Done: this channel now uses English (people who chose their own language keep it; other channels are unchanged).",
        "好的：本频道现在使用中文（自己选过语言的人保持不变；其他频道不受影响）。");
    public static readonly Localized LangSetWorkspace = new(
        "Done: English is now the workspace default (channels and people with their own choice keep it).",
        "好的：中文现在是本工作区的默认语言（自己设置过的频道和个人保持不变）。");
    public static readonly Localized LangUsage = new(
        "Usage: `/gtm lang en` or `/gtm lang zh` — add `channel` (this channel only) or `workspace` (the default for the rest).",
        "用法：`/gtm lang en` 或 `/gtm lang zh` —— 加 `channel`（仅本频道）或 `workspace`（其余频道的默认）。");
    public static readonly Localized TimeZoneShow = new(
        "Your time zone is `{0}`; today there is {1}. Change it with `/gtm timezone Asia/Shanghai` (add `workspace` for everyone's default).",
        "你的时区是 `{0}`，那里今天是 {1}。用 `/gtm timezone Asia/Shanghai` 修改（加 `workspace` 设为所有人的默认）。");
    public static readonly Localized TimeZoneUsage = new(
        "I don't know the time zone `{0}`. Use an IANA name such as `Asia/Shanghai`, `Europe/Berlin` or `America/New_York`.",
        "我不认识时区 `{0}`。请使用 IANA 名称，例如 `Asia/Shanghai`、`Europe/Berlin` 或 `America/New_York`。");
    public static readonly Localized TimeZoneSetUser = new(
        "Done: your time zone is `{0}` (today there is {1}). Due dates and reminders use it.",
        "好的：你的时区已设为 `{0}`（那里今天是 {1}）。截止日期和提醒都按它计算。");
    public static readonly Localized TimeZoneSetWorkspace = new(
        "Done: `{0}` is now the workspace's time zone for everyone who has not chosen their own.",
        "好的：`{0}` 现在是本工作区的时区，适用于所有未自行设置的人。");
    public static readonly Localized TimeZoneNoChannel = new(
        "Time zones belong to people and workspaces, not channels: use `/gtm timezone <zone>` or add `workspace`.",
        "时区属于个人和工作区，而不是频道：请用 `/gtm timezone <时区>`，或加上 `workspace`。");
    public static readonly Localized Empty = new("Please write something: the text is empty.", "请填写内容：文本为空。");
    public static readonly Localized TooLong = new("That is {0:N0} characters; the limit is {1:N0}. Please shorten it — your text is kept below.", "内容有 {0:N0} 个字符，上限是 {1:N0}。请缩短——你的文字保留在下方。");
    public static readonly Localized Cancel = new("Cancel", "取消");
    public static readonly Localized Share = new("Share to channel", "分享到频道");
    public static readonly Localized SharedBy = new("Shared by {0}", "由 {0} 分享");
    public static readonly Localized Save = new("Save", "保存");
    public static readonly Localized NotFound = new("I couldn't find that. It may have been removed.", "找不到该内容，可能已被删除。");
}

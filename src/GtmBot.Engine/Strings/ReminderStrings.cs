namespace GtmBot.Engine.Strings;

/// <summary>Strings of the weekly reminder and its digest.</summary>
public static class ReminderStrings
{
    public static readonly Localized Help = new(
        "`/gtm remind Monday 09:00 [time zone]` — a weekly digest of what needs updating (`off`, `now`, `snooze`, `skip <reason>`)",
        "`/gtm remind 周一 09:00 [时区]` —— 每周提醒需要更新的内容（`off` 关闭、`now` 预览、`snooze` 推迟一周、`skip <原因>` 跳过）");

    public static readonly Localized Example = new(
        "For example: `/gtm remind Monday 09:00 America/New_York` (weekday, 24-hour time, optional IANA time zone).",
        "例如：`/gtm remind 周一 09:00 Asia/Shanghai`（星期几、24 小时制时间、可选的 IANA 时区）。");

    public static readonly Localized BadShape = new("I couldn't read that schedule.", "无法识别这个时间安排。");
    public static readonly Localized BadWeekday = new("`{0}` is not a weekday (Monday…Sunday, Mon…Sun, 周一…周日).", "`{0}` 不是星期几（周一…周日、星期一…星期日、Monday…Sunday）。");
    public static readonly Localized BadTime = new("`{0}` is not a time: use 24-hour HH:MM, 00:00 to 23:59.", "`{0}` 不是有效时间：请用 24 小时制 HH:MM，00:00 至 23:59。");
    public static readonly Localized BadZone = new("`{0}` is not a time zone I know: use an IANA name such as `Europe/Berlin` or `UTC`.", "无法识别时区 `{0}`：请使用 IANA 时区名，如 `Asia/Shanghai` 或 `UTC`。");

    public static readonly Localized Set = new(
        "{0} set the weekly reminder: every **{1}** at **{2}** ({3}). Next: {4}.",
        "{0} 设置了每周提醒：每**{1}** **{2}**（{3}）。下一次：{4}。");

    public static readonly Localized Status = new(
        "Weekly reminder: every **{0}** at **{1}** ({2}). Next: {3}.",
        "每周提醒：每**{0}** **{1}**（{2}）。下一次：{3}。");

    public static readonly Localized StatusSkipped = new("The next one was postponed: {0}", "下一次已推迟：{0}");
    public static readonly Localized StatusOff = new("The weekly reminder is off ({0}). Turn it on again: ", "每周提醒已关闭（{0}）。重新开启：");
    public static readonly Localized NoReminder = new("This channel has no weekly reminder yet. ", "本频道还没有每周提醒。");

    public static readonly Localized Off = new("{0} turned the weekly reminder off.", "{0} 关闭了每周提醒。");
    public static readonly Localized OffReasonUser = new("turned off by {0}", "由 {0} 关闭");
    public static readonly Localized OffReasonGone = new("the bot can no longer post in this channel", "机器人已无法在本频道发消息");

    public static readonly Localized Snoozed = new("{0} snoozed the weekly reminder by a week. Next: {1}.", "{0} 将每周提醒推迟了一周。下一次：{1}。");
    public static readonly Localized Skipped = new("{0} skipped the next weekly reminder: _{1}_. Next: {2}.", "{0} 跳过了下一次每周提醒：_{1}_。下一次：{2}。");
    public static readonly Localized SkipNeedsReason = new("Please say why: `/gtm remind skip launch week, no changes`.", "请说明原因：`/gtm remind skip 发布周，无变更`。");
    public static readonly Localized SkipFormTitle = new("Skip the reminder", "跳过提醒");
    public static readonly Localized SkipReasonLabel = new("Why skip the next reminder?", "为什么跳过下一次提醒？");
    public static readonly Localized SkipSubmit = new("Skip", "跳过");
    public static readonly Localized ReasonTooLong = new("Please keep the reason under {0} characters.", "原因请少于 {0} 个字符。");

    public static readonly Localized DigestTitle = new("Weekly GTM check-in", "每周 GTM 检查");
    public static readonly Localized DigestIntro = new("What needs a look this week:", "本周需要关注的内容：");
    public static readonly Localized AllUpToDate = new("All up to date — nothing needs attention this week.", "一切都是最新的——本周没有需要处理的内容。");
    public static readonly Localized PreviewNote = new("Preview — this is what the channel will get.", "预览——频道将收到这样的消息。");
    public static readonly Localized LastSkipped = new("Last reminder was skipped: _{0}_", "上次提醒被跳过：_{0}_");
    public static readonly Localized SnoozeButton = new("Snooze a week", "推迟一周");
    public static readonly Localized SkipButton = new("Skip next, with a reason", "跳过下一次（需说明原因）");
}

using GtmBot.Engine.Strings;

namespace GtmBot.Slack.Strings;

/// <summary>User-facing text of the Slack edge.</summary>
internal static class SlackStrings
{
    public static readonly Localized InviteBotForQuote = new(
        "I can't read that message, so I couldn't save it as a customer quote. Invite me to the channel first: type `/invite @GtmBot` there, then react again (or use the message shortcut *Tag as customer quote*).",
        "我读不到这条消息，所以无法把它保存为客户原话。请先邀请我进入该频道：在频道里输入 `/invite @GtmBot`，然后重新添加表情（或使用消息快捷方式“Tag as customer quote”）。");

    public static readonly Localized FormInMessage = new(
        "Run the command again to open this form.",
        "请重新运行命令以打开此表单。");

    public static readonly Localized FormNotOpened = new(
        "Slack did not open the form in time. If it did not appear, press Try again.",
        "Slack 未能及时打开表单。如果表单没有出现，请点击“重试”。");

    public static readonly Localized FormRetry = new("Try again", "重试");

    public static readonly Localized Installed = new(
        "GtmBot is installed in {0}. Type /gtm help in a channel to start.",
        "GtmBot 已安装到 {0}。在频道中输入 /gtm help 开始使用。");

    public static readonly Localized InstallFailed = new(
        "The installation did not complete: {0}. Please start again from the install link.",
        "安装未完成：{0}。请从安装链接重新开始。");
}
